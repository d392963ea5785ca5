/* segment — the byte-level tokenizer and sentence splitter. */
#pragma once

#include <tamis/plugin.h>

#include "abbrev.h"

G_BEGIN_DECLS

/* What a stage decided in create(); read-only while documents run. */
typedef struct {
  const SegAbbrevs *abbrevs;
  gboolean title_lines; /* a capitalised line after an unpunctuated one starts a sentence */
} SegRules;

/* Scans @len bytes of @text (valid UTF-8, nul-terminated) and appends token
 * spans (label: kind) to @tokens and sentence spans to @sentences; either
 * layer may be %NULL. @langs selects the abbreviation lists. Allocates
 * nothing but the layers' own growth. */
void seg_scan (const SegRules *rules, guint langs, const char *text, gsize len,
               TamisLayer *tokens, TamisLayer *sentences);

G_END_DECLS
