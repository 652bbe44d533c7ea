"""Publishing a build: the steps in order into a staging folder, the build cache, the swap, one build at a time."""
