# Lexicon matching benchmark.
