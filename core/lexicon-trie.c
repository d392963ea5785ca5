/* tamis — building the token trie of a lexicon. */
#include "config.h"

#include "lexicon-trie.h"

#define INITIAL_SLOTS 1024

void
tamis_trie_init (TamisTrie *trie)
{
  memset (trie, 0, sizeof *trie);
  trie->mask = INITIAL_SLOTS - 1;
  trie->slots = g_new0 (TamisTrieSlot, INITIAL_SLOTS);
  trie->n_alloc = 64;
  trie->nodes = g_new0 (TamisTrieNode, trie->n_alloc);
  trie->n_nodes = 1; /* the root */
  trie->pool = g_byte_array_new ();
  trie->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
tamis_trie_clear (TamisTrie *trie)
{
  g_free (trie->slots);
  g_free (trie->nodes);
  g_free (trie->entries);
  if (trie->pool)
    g_byte_array_unref (trie->pool);
  if (trie->words)
    g_hash_table_unref (trie->words);
  memset (trie, 0, sizeof *trie);
}

static void
place (TamisTrieSlot *slots, guint32 mask, const TamisTrieSlot *slot)
{
  guint32 i = tamis_trie_slot_index (slot->parent, slot->hash) & mask;

  while (slots[i].child != 0)
    i = (i + 1) & mask;
  slots[i] = *slot;
}

/* Keeps the table at most half full: short probe runs for the misses that
 * most words of a text are. */
static void
grow (TamisTrie *trie)
{
  guint32 size = (trie->mask + 1) * 2;
  TamisTrieSlot *slots = g_new0 (TamisTrieSlot, size);

  for (guint32 i = 0; i <= trie->mask; i++)
    if (trie->slots[i].child != 0)
      place (slots, size - 1, &trie->slots[i]);
  g_free (trie->slots);
  trie->slots = slots;
  trie->mask = size - 1;
}

/* One copy of each distinct word in the pool, whatever its parents. */
static guint32
pool_word (TamisTrie *trie, const char *word, guint32 len)
{
  g_autofree char *key = g_strndup (word, len);
  gpointer found = g_hash_table_lookup (trie->words, key);
  guint8 n = (guint8) len;
  guint32 offset;

  if (found)
    return GPOINTER_TO_UINT (found) - 1;
  offset = trie->pool->len;
  g_byte_array_append (trie->pool, &n, 1);
  g_byte_array_append (trie->pool, (const guint8 *) word, len);
  g_hash_table_insert (trie->words, g_steal_pointer (&key), GUINT_TO_POINTER (offset + 1));
  return offset;
}

guint32
tamis_trie_insert (TamisTrie *trie, guint32 parent, guint32 hash, const char *word, guint32 len)
{
  guint32 child = tamis_trie_child (trie, parent, hash, word, len);
  TamisTrieSlot slot;

  g_return_val_if_fail (len <= G_MAXUINT8, 0);
  if (child != 0)
    return child;
  if ((trie->n_nodes + 1) * 2 > trie->mask + 1)
    grow (trie);
  if (trie->n_nodes == trie->n_alloc)
    {
      trie->n_alloc *= 2;
      trie->nodes = g_renew (TamisTrieNode, trie->nodes, trie->n_alloc);
    }
  child = trie->n_nodes++;
  memset (&trie->nodes[child], 0, sizeof trie->nodes[child]);
  trie->nodes[parent].n_children++;
  slot.parent = parent;
  slot.hash = hash;
  slot.child = child;
  slot.word = pool_word (trie, word, len);
  place (trie->slots, trie->mask, &slot);
  if (len > trie->max_word)
    trie->max_word = len;
  return child;
}

void
tamis_trie_finish (TamisTrie *trie, const guint32 *entry_nodes, guint n_entries)
{
  guint32 *fill;

  for (guint i = 0; i < n_entries; i++)
    trie->nodes[entry_nodes[i]].count++;
  for (guint32 n = 0, first = 0; n < trie->n_nodes; n++)
    {
      trie->nodes[n].first = first;
      first += trie->nodes[n].count;
    }
  trie->entries = g_new (guint32, MAX (n_entries, 1));
  fill = g_new0 (guint32, trie->n_nodes);
  for (guint i = 0; i < n_entries; i++)
    {
      const TamisTrieNode *node = &trie->nodes[entry_nodes[i]];
      trie->entries[node->first + fill[entry_nodes[i]]++] = i;
    }
  g_free (fill);
  trie->nodes = g_renew (TamisTrieNode, trie->nodes, trie->n_nodes);
  trie->n_alloc = trie->n_nodes;
  g_clear_pointer (&trie->words, g_hash_table_unref);
}
