# The files of plugins/entities/data and train/, listed for make.
# Written by "make update-entities-lists".
ENTITIES_COMMON_LISTS = \
	plugins/entities/data/common/demonyms.tsv \
	plugins/entities/data/common/first-names.tsv \
	plugins/entities/data/common/last-names.tsv \
	plugins/entities/data/common/loc.tsv \
	plugins/entities/data/common/misc.tsv \
	plugins/entities/data/common/org.tsv \
	plugins/entities/data/common/per.tsv
ENTITIES_FR_LISTS = \
	plugins/entities/data/fr/cues.tsv \
	plugins/entities/data/fr/demonyms.tsv \
	plugins/entities/data/fr/loc.tsv \
	plugins/entities/data/fr/misc.tsv \
	plugins/entities/data/fr/org.tsv \
	plugins/entities/data/fr/per.tsv
ENTITIES_EN_LISTS = \
	plugins/entities/data/en/cues.tsv \
	plugins/entities/data/en/demonyms.tsv \
	plugins/entities/data/en/loc.tsv \
	plugins/entities/data/en/misc.tsv \
	plugins/entities/data/en/org.tsv \
	plugins/entities/data/en/per.tsv
ENTITIES_TRAIN = \
	plugins/entities/train/en/analysis.txt \
	plugins/entities/train/en/business-2.txt \
	plugins/entities/train/en/business.txt \
	plugins/entities/train/en/culture-2.txt \
	plugins/entities/train/en/culture.txt \
	plugins/entities/train/en/encyclopedic-2.txt \
	plugins/entities/train/en/encyclopedic.txt \
	plugins/entities/train/en/institutions.txt \
	plugins/entities/train/en/markets-2.txt \
	plugins/entities/train/en/markets.txt \
	plugins/entities/train/en/media.txt \
	plugins/entities/train/en/people-2.txt \
	plugins/entities/train/en/people.txt \
	plugins/entities/train/en/politics-2.txt \
	plugins/entities/train/en/politics.txt \
	plugins/entities/train/en/regional.txt \
	plugins/entities/train/en/society.txt \
	plugins/entities/train/en/sport-briefs-2.txt \
	plugins/entities/train/en/sport-reports-2.txt \
	plugins/entities/train/en/sport-reports.txt \
	plugins/entities/train/en/sport-results-2.txt \
	plugins/entities/train/en/sport-results.txt \
	plugins/entities/train/en/tech-ai.txt \
	plugins/entities/train/en/trade.txt \
	plugins/entities/train/en/wires-2.txt \
	plugins/entities/train/en/wires.txt \
	plugins/entities/train/en/world-2.txt \
	plugins/entities/train/en/world.txt \
	plugins/entities/train/fr/biographies-2.txt \
	plugins/entities/train/fr/breves.txt \
	plugins/entities/train/fr/culture-2.txt \
	plugins/entities/train/fr/culture.txt \
	plugins/entities/train/fr/economie-2.txt \
	plugins/entities/train/fr/economie.txt \
	plugins/entities/train/fr/encyclopedie-2.txt \
	plugins/entities/train/fr/encyclopedie.txt \
	plugins/entities/train/fr/faits-divers.txt \
	plugins/entities/train/fr/geographie-2.txt \
	plugins/entities/train/fr/histoire-2.txt \
	plugins/entities/train/fr/international.txt \
	plugins/entities/train/fr/jeux-2.txt \
	plugins/entities/train/fr/ligues-2.txt \
	plugins/entities/train/fr/medias-2.txt \
	plugins/entities/train/fr/musique-2.txt \
	plugins/entities/train/fr/oeuvres-2.txt \
	plugins/entities/train/fr/politique.txt \
	plugins/entities/train/fr/regions.txt \
	plugins/entities/train/fr/science.txt \
	plugins/entities/train/fr/sciences-2.txt \
	plugins/entities/train/fr/societe.txt \
	plugins/entities/train/fr/sport-2.txt \
	plugins/entities/train/fr/sport.txt \
	plugins/entities/train/fr/tech-ia.txt \
	plugins/entities/train/fr/traduit.txt
