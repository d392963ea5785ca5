/* tamis — the token trie of a lexicon: one open-addressing hash table of
 * edges keyed by (parent node, folded word). */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* An edge; child 0 (the root) marks an empty slot. The word sits in the
 * pool at offset word: one length byte, then its bytes. */
typedef struct {
  guint32 parent;
  guint32 hash;
  guint32 child;
  guint32 word;
} TamisTrieSlot;

typedef struct {
  guint32 first;      /* the node's entries: entries[first .. first + count) */
  guint32 count;
  guint32 n_children;
} TamisTrieNode;

typedef struct {
  TamisTrieSlot *slots;
  guint32 mask;
  guint32 n_nodes;
  TamisTrieNode *nodes;
  guint32 n_alloc;
  guint32 *entries;   /* entry indices, grouped by node, in file order */
  GByteArray *pool;
  GHashTable *words;  /* while building: word -> 1 + offset in pool */
  guint max_depth;    /* most words in one term */
  guint max_word;     /* longest folded word, in bytes */
} TamisTrie;

void tamis_trie_init (TamisTrie *trie);
void tamis_trie_clear (TamisTrie *trie);

/* Returns the child of parent by word, created when missing. */
guint32 tamis_trie_insert (TamisTrie *trie, guint32 parent, guint32 hash,
                           const char *word, guint32 len);

/* Groups the entries by node (entry_nodes[i] is the node of entry i) and
 * drops what only building needed. */
void tamis_trie_finish (TamisTrie *trie, const guint32 *entry_nodes, guint n_entries);

static inline guint32
tamis_trie_slot_index (guint32 parent, guint32 hash)
{
  guint32 k = hash ^ (parent * 0x9E3779B1u);

  k ^= k >> 16;
  k *= 0x85EBCA6Bu;
  k ^= k >> 13;
  return k;
}

/* The child of parent by word (len <= 255), or 0. */
static inline guint32
tamis_trie_child (const TamisTrie *trie, guint32 parent, guint32 hash,
                  const char *word, guint32 len)
{
  guint32 i = tamis_trie_slot_index (parent, hash) & trie->mask;

  for (;; i = (i + 1) & trie->mask)
    {
      const TamisTrieSlot *s = &trie->slots[i];

      if (s->child == 0)
        return 0;
      if (s->hash == hash && s->parent == parent)
        {
          const guint8 *w = trie->pool->data + s->word;
          if (w[0] == len && memcmp (w + 1, word, len) == 0)
            return s->child;
        }
    }
}

G_END_DECLS
