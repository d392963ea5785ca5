/* entities — the features the model sees for each token. */
#pragma once

#include <glib.h>

#include "ent-gaz.h"
#include "ent-token.h"

G_BEGIN_DECLS

/* Changes whenever ent_features() computes something else: models record
 * it and are refused by a plugin computing another set. */
#define ENT_FEATURE_VERSION 3

/* The most features one token gets. */
#define ENT_MAX_FEATURES 160

/* A tokenised text and what is known of its tokens, computed once. */
typedef struct {
  const char *text;
  const EntTok *tokens;
  guint n_tokens;
  const EntTokGaz *gaz;
  guint32 *word;    /* hash of the folded form */
  guint32 *shape;
  guint32 *prefix;  /* first three characters, folded */
  guint32 *suffix3;
  guint32 *suffix4;
  guint8 *context;  /* ENT_CTX_* bits */
  guint8 *ready;    /* shape and affixes computed */
  guint16 *roles;   /* ent_gaz_word_roles() of each word */
  const EntGaz *lists;
  gsize room;       /* tokens the buffers hold */
  GString *folded;  /* working space */
  GString *shaped;
} EntFeatDoc;

enum {
  ENT_CTX_SEEN_LOWER = 1 << 0, /* the word appears in lower case elsewhere in the text */
  ENT_CTX_SEEN_UPPER = 1 << 1, /* … capitalised, not first in its sentence */
  ENT_CTX_CAPS_SENTENCE = 1 << 2, /* in a sentence written in capitals (a headline) */
};

void ent_feat_doc_init (EntFeatDoc *doc, const char *text, const EntTok *tokens, guint n_tokens,
                        const EntTokGaz *gaz, const EntGaz *lists);
/* Frees the buffers; ent_feat_doc_init() may be called again on a
 * document without it, and reuses them. */
void ent_feat_doc_clear (EntFeatDoc *doc);

/* Whether the model must decide the tag of token @i after tag @prev; when
 * not, the tag is O (lower-case words outside names). */
gboolean ent_feat_is_candidate (const EntFeatDoc *doc, guint i, guint prev);

/* The features of token @i, given the two tags before it, into @out
 * (room for ENT_MAX_FEATURES); returns how many. */
guint ent_features (const EntFeatDoc *doc, guint i, guint prev, guint prev2, guint32 *out);

/* A map from word hashes to bits, open addressing: the set of words seen
 * in a text, the roles of words in the lists. */
typedef struct {
  guint32 *keys;   /* hash | 1, 0 for a free slot */
  guint16 *bits;
  guint32 mask;
} EntWordMap;

/* Room for @n words; ent_word_map_clear() frees it. */
void ent_word_map_init (EntWordMap *map, guint n);
void ent_word_map_clear (EntWordMap *map);
/* ORs @bits into the word's bits. */
void ent_word_map_add (EntWordMap *map, guint32 word, guint16 bits);
/* The word's bits, 0 when it is not in the map. */
guint16 ent_word_map_get (const EntWordMap *map, guint32 word);

/* Hashing shared by the features and the lists. */
guint32 ent_hash_bytes (const char *p, gsize len);

/* The hash of a word's folded form (ent_fold()); ASCII words are folded
 * on the fly. @scratch is working space. */
guint32 ent_word_hash (const char *p, gsize len, GString *scratch);

G_END_DECLS
