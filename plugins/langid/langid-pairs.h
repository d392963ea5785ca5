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
 * pair of the table and the words of @text weigh more than a nat towards
 * @second; otherwise @lang. Reads at most the first 2 KiB. */
int langid_pairs_resolve (const LangidPairs *pairs, const LangidModel *model,
                          const char *text, gsize len, int lang, int second);

G_END_DECLS
