/* tamis — lexicons: references, the process-wide cache of loaded files,
 * entry accessors and annotation of documents.
 *
 * A lexicon never changes once built, so it is shared as is: by every
 * stage and pipeline that loads the same file, and by every thread that
 * matches with it. The cache holds no reference of its own; the last unref
 * takes the lexicon out of it under the cache lock, so a lookup never
 * revives a lexicon being freed. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <tamis/error.h>
#include <tamis/document.h>
#include "lexicon-private.h"

static GMutex cache_lock;
static GCond cache_loaded;
/* "flags:canonical path" -> TamisLexicon, or NULL while being read */
static GHashTable *cache;

void
tamis_lexicon_free (TamisLexicon *lexicon)
{
  tamis_trie_clear (&lexicon->trie);
  g_array_unref (lexicon->entries);
  g_ptr_array_unref (lexicon->fields);
  g_ptr_array_unref (lexicon->names);
  g_string_chunk_free (lexicon->strings);
  g_free (lexicon->cache_key);
  g_free (lexicon->path);
  g_free (lexicon);
}

TamisLexicon *
tamis_lexicon_ref (TamisLexicon *lexicon)
{
  g_return_val_if_fail (lexicon != NULL, NULL);

  g_atomic_int_inc (&lexicon->ref_count);
  return lexicon;
}

void
tamis_lexicon_unref (TamisLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  if (lexicon->cache_key == NULL)
    {
      if (g_atomic_int_dec_and_test (&lexicon->ref_count))
        tamis_lexicon_free (lexicon);
      return;
    }
  g_mutex_lock (&cache_lock);
  if (!g_atomic_int_dec_and_test (&lexicon->ref_count))
    {
      g_mutex_unlock (&cache_lock);
      return;
    }
  g_hash_table_remove (cache, lexicon->cache_key);
  g_mutex_unlock (&cache_lock);
  tamis_lexicon_free (lexicon);
}

static TamisLexicon *
read_file (const char *path, TamisLexiconFlags flags, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, &local);

  if (file == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s", local->message);
      return NULL;
    }
  return tamis_lexicon_parse (path, g_mapped_file_get_contents (file),
                              g_mapped_file_get_length (file), flags, error);
}

TamisLexicon *
tamis_lexicon_load (const char *path, TamisLexiconFlags flags, GError **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *key = NULL;
  TamisLexicon *lexicon;
  gpointer found;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail ((flags & ~TAMIS_LEXICON_FOLD_ALL) == 0, NULL);

  canonical = realpath (path, NULL);
  if (canonical == NULL)
    {
      int saved = errno;
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  key = g_strdup_printf ("%x:%s", (guint) flags, canonical);

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Another thread reading the same file: wait for it rather than read
   * the file twice. If it fails, the next waiter tries for itself. */
  while (g_hash_table_lookup_extended (cache, key, NULL, &found))
    {
      if (found)
        {
          lexicon = tamis_lexicon_ref (found);
          g_mutex_unlock (&cache_lock);
          return lexicon;
        }
      g_cond_wait (&cache_loaded, &cache_lock);
    }
  g_hash_table_insert (cache, g_strdup (key), NULL);
  g_mutex_unlock (&cache_lock);

  lexicon = read_file (canonical, flags, error);

  g_mutex_lock (&cache_lock);
  if (lexicon)
    {
      lexicon->cache_key = g_strdup (key);
      g_hash_table_insert (cache, g_steal_pointer (&key), lexicon);
    }
  else
    g_hash_table_remove (cache, key);
  g_cond_broadcast (&cache_loaded);
  g_mutex_unlock (&cache_lock);
  return lexicon;
}

TamisLexicon *
tamis_lexicon_new_from_data (const char *name, const char *data, gssize length,
                             TamisLexiconFlags flags, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail ((flags & ~TAMIS_LEXICON_FOLD_ALL) == 0, NULL);

  if (length < 0)
    length = strlen (data);
  return tamis_lexicon_parse (name ? name : "lexicon", data, length, flags, error);
}

const char *
tamis_lexicon_get_path (const TamisLexicon *lexicon)
{
  return lexicon->path;
}

TamisLexiconFlags
tamis_lexicon_get_flags (const TamisLexicon *lexicon)
{
  return lexicon->flags;
}

guint
tamis_lexicon_get_n_entries (const TamisLexicon *lexicon)
{
  return lexicon->entries->len;
}

static const TamisLexEntry *
get_entry (const TamisLexicon *lexicon, guint entry)
{
  g_return_val_if_fail (entry < lexicon->entries->len, NULL);
  return &g_array_index (lexicon->entries, TamisLexEntry, entry);
}

const char *
tamis_lexicon_get_term (const TamisLexicon *lexicon, guint entry)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);
  return e ? e->term : NULL;
}

const char *
tamis_lexicon_get_label (const TamisLexicon *lexicon, guint entry)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);
  return e ? e->label : NULL;
}

double
tamis_lexicon_get_weight (const TamisLexicon *lexicon, guint entry)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);
  return e ? e->weight : 0.0;
}

guint
tamis_lexicon_get_line (const TamisLexicon *lexicon, guint entry)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);
  return e ? e->line : 0;
}

guint
tamis_lexicon_get_n_fields (const TamisLexicon *lexicon, guint entry)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);
  return e ? e->n_fields : 0;
}

const char *
tamis_lexicon_get_field (const TamisLexicon *lexicon, guint entry, guint index)
{
  const TamisLexEntry *e = get_entry (lexicon, entry);

  if (e == NULL || index >= e->n_fields)
    return NULL;
  return g_ptr_array_index (lexicon->fields, e->fields + index);
}

const char *
tamis_lexicon_get_field_by_name (const TamisLexicon *lexicon, guint entry, const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < lexicon->names->len; i++)
    if (strcmp (g_ptr_array_index (lexicon->names, i), name) == 0)
      return tamis_lexicon_get_field (lexicon, entry, i);
  return NULL;
}

guint
tamis_lexicon_get_n_field_names (const TamisLexicon *lexicon)
{
  return lexicon->names->len;
}

const char *
tamis_lexicon_get_field_name (const TamisLexicon *lexicon, guint index)
{
  g_return_val_if_fail (index < lexicon->names->len, NULL);
  return g_ptr_array_index (lexicon->names, index);
}

static gboolean
add_span (const TamisLexicon *lexicon, guint entry, guint32 start, guint32 end, gpointer data)
{
  TamisLayer *layer = data;
  const TamisLexEntry *e = &g_array_index (lexicon->entries, TamisLexEntry, entry);
  guint span = tamis_layer_add (layer, start, end, e->label);
  guint n_named = MIN (e->n_fields, lexicon->names->len);

  /* labels and field names are interned: they outlive any document */
  tamis_layer_set_double (layer, span, "weight", e->weight);
  for (guint i = 0; i < n_named; i++)
    {
      const char *value = g_ptr_array_index (lexicon->fields, e->fields + i);
      if (value)
        tamis_layer_set_string (layer, span, g_ptr_array_index (lexicon->names, i), value);
    }
  return TRUE;
}

guint
tamis_lexicon_annotate (const TamisLexicon *lexicon, TamisDoc *doc, TamisLayer *layer,
                        const char *lang)
{
  g_return_val_if_fail (lexicon != NULL, 0);
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (layer != NULL, 0);

  return tamis_lexicon_match (lexicon, tamis_doc_get_text (doc), tamis_doc_get_length (doc),
                              lang, add_span, layer);
}
