# Benchmarks live beside the plugin they measure (plugins/NAME/local.mk).
