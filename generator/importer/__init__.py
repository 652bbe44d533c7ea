"""Import: a raw programme export (plain text from a budget platform) -> a content file.

Pure functions from text to a result with warnings (``pipeline.import_text``); the command in
``generator/commands/import_.py`` does the reading and writing.
"""
