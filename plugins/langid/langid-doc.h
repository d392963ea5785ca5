/* langid — the language of a whole document, from the runs it is made of. */
#pragma once

#include "langid-model.h"

G_BEGIN_DECLS

/* Languages whose shares a document reports, at most. */
#define LANGID_MAX_SHARES 8

typedef struct {
  int lang;                       /* model index */
  double share;                   /* of the characters in identified runs */
  double score;                   /* mean calibrated confidence of its probes */
} LangidShare;

typedef struct {
  int lang;                       /* the language of most characters, -1: und */
  double score;                   /* calibrated: how likely the label is right */
  LangidAlt alts[LANGID_MAX_ALTS];
  guint n_alts;
  LangidShare shares[LANGID_MAX_SHARES];   /* largest first */
  guint n_shares;
  guint n_probes;                 /* windows identified */
  const char *romanized;          /* und because written in Latin letters
                                   * in place of this language's script */
} LangidDocGuess;

/* The calibrated probability that @g's best language is right, from its
 * tempered score, the share of its features the language uses, the
 * amount of text read and the share of it in names (langid_name_share()). */
double langid_calibrate (const LangidGuess *g, double name_share);

/* Identifies windows of the text (all of a short one; a grid of windows
 * and a bisection between two that disagree on a long one), each with the
 * early stop of @params, and labels the document with the language of most
 * characters. Noise (URLs, tags, numbers …) is blanked first and is no
 * evidence; a window whose calibrated score is below @min_score is
 * undetermined. Thread-safe. */
void langid_doc_detect (const LangidModel *model, const char *text, gsize len,
                        const LangidParams *params, double min_score, LangidDocGuess *guess);

G_END_DECLS
