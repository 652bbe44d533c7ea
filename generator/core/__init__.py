"""What every step uses: errors, messages and their language, limits, progress, workers, time, text folding, URLs."""
