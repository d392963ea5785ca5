# The files of plugins/entities/data and train/, listed for make.
ENTITIES_COMMON_LISTS =
ENTITIES_FR_LISTS =
ENTITIES_EN_LISTS =
ENTITIES_TRAIN =
