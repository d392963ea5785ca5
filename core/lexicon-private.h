/* tamis — lexicon internals shared by its loader, matcher and cache. */
#pragma once

#include <tamis/lexicon.h>
#include "lexicon-fold.h"
#include "lexicon-trie.h"

G_BEGIN_DECLS

typedef struct {
  const char *term;   /* in strings */
  const char *label;  /* interned */
  double weight;
  guint32 line;
  guint32 fields;     /* index of the first extra field in fields */
  guint32 n_fields;
} TamisLexEntry;

struct _TamisLexicon {
  gint ref_count;
  char *path;
  char *cache_key;    /* set while the lexicon is in the load cache */
  TamisLexiconFlags flags;
  GArray *entries;    /* TamisLexEntry */
  GPtrArray *fields;  /* const char *, in strings, NULL when empty */
  GPtrArray *names;   /* interned field names from the header */
  GStringChunk *strings;
  TamisTrie trie;
  TamisLexFolder folder;
};

/* Parses a lexicon file's contents; name is the file for messages. */
TamisLexicon *tamis_lexicon_parse (const char *name, const char *data, gsize length,
                                   TamisLexiconFlags flags, GError **error);

/* Frees a lexicon whose last reference is gone. */
void tamis_lexicon_free (TamisLexicon *lexicon);

G_END_DECLS
