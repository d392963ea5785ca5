/* segment — lists of abbreviations whose period does not end a sentence. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One bit per loaded language; SEG_LANG_ALL for lists that apply to all. */
#define SEG_MAX_LANGS 15
#define SEG_LANG_ALL 0xFFFFu

typedef enum {
  SEG_ABBREV_NONE = 0,
  SEG_ABBREV_CONTINUES, /* the sentence goes on after it: "M.", "Inc." */
  SEG_ABBREV_MAY_END,   /* ends the sentence before a capitalised word: "etc." */
} SegAbbrevKind;

typedef struct _SegAbbrevs SegAbbrevs;

SegAbbrevs *seg_abbrevs_new (void);
void seg_abbrevs_free (SegAbbrevs *abbrevs);

/* Adds the entries of a list file; @langs is the mask of languages they
 * apply to. Errors are TAMIS_ERROR_DATA naming file and line. */
gboolean seg_abbrevs_load (SegAbbrevs *abbrevs, const char *path, guint langs, GError **error);

/* Adds one entry ("Mme.", "Ph.D."), as a list file line would. */
gboolean seg_abbrevs_add (SegAbbrevs *abbrevs, const char *entry, SegAbbrevKind kind,
                          guint langs, GError **error);

/* @word: @len bytes without the final period ("Mme", "Ph.D").
 * Thread-safe: the lists are read-only once loaded. */
SegAbbrevKind seg_abbrevs_lookup (const SegAbbrevs *abbrevs, const char *word, gsize len, guint langs);

/* Whether any entry has an inner period (then the scanner tries dotted forms). */
gboolean seg_abbrevs_has_dotted (const SegAbbrevs *abbrevs);

/* Length in bytes of the longest entry, without its final period. */
gsize seg_abbrevs_max_len (const SegAbbrevs *abbrevs);

G_END_DECLS
