/* langid — close pairs: words that tell apart two languages the character
 * model confuses on short text (hr/sr, id/ms, no/da, cs/sk, pt/gl). */
#pragma once

#include <glib.h>

#include "langid-model.h"

G_BEGIN_DECLS

typedef struct _LangidPairs LangidPairs;

/* Reads a table written by train-pairs.py (data/pairs.tsv). Pairs naming a
 * language @model does not have are skipped. */
LangidPairs *langid_pairs_load (const char *path, const LangidModel *model, GError **error);
void langid_pairs_free (LangidPairs *pairs);

/* @second when the best language @lang and the runner-up @second are a
 * pair of the table and half the weight of the words of @text towards
 * @second is more than @margin, the log odds (in nats) of @lang over
 * @second by the character model; otherwise @lang. Reads at most the first
 * 2 KiB. */
int langid_pairs_resolve (const LangidPairs *pairs, const LangidModel *model,
                          const char *text, gsize len, int lang, int second, double margin);

G_END_DECLS
