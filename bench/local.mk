# Benchmarks live beside the plugin they measure (plugins/NAME/local.mk);
# those of plugins written apart from their bench live here.
include bench/nlp.mk
include bench/sqlite/local.mk
