# The shared lexicon matcher of the core.
