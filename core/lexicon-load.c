/* tamis — reading lexicon files: TSV lines to entries and a token trie. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <tamis/error.h>
#include "lexicon-private.h"

/* Words that must not name extra fields: they are a span's own keys. */
static const char *const reserved_names[] = { "start", "end", "label", "score", "weight" };

/* Most words in one term: bounds the lookahead of the matcher. */
#define MAX_TERM_WORDS 255

typedef struct {
  const char *name;
  guint line;
  const char *end;  /* of the line, CR excluded */
} Line;

static void
trim (const char **start, const char **end)
{
  while (*start < *end && g_ascii_isspace (**start))
    (*start)++;
  while (*end > *start && g_ascii_isspace ((*end)[-1]))
    (*end)--;
}

static gboolean
line_error (const Line *line, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
line_error (const Line *line, GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: %s", line->name, line->line, message);
  return FALSE;
}

static gboolean
parse_header (TamisLexicon *lex, const Line *line, const char *p, GError **error)
{
  guint column = 0;

  for (;;)
    {
      const char *tab = memchr (p, '\t', line->end - p);
      const char *start = p, *end = tab ? tab : line->end;

      trim (&start, &end);
      if (column >= 3)
        {
          g_autofree char *name = g_strndup (start, end - start);

          if (*name == '\0')
            return line_error (line, error, "empty name for extra field %u in the header", column - 2);
          for (guint i = 0; i < G_N_ELEMENTS (reserved_names); i++)
            if (strcmp (name, reserved_names[i]) == 0)
              return line_error (line, error, "field name '%s' is reserved", name);
          for (guint i = 0; i < lex->names->len; i++)
            if (strcmp (name, g_ptr_array_index (lex->names, i)) == 0)
              return line_error (line, error, "field name '%s' appears twice in the header", name);
          g_ptr_array_add (lex->names, (gpointer) g_intern_string (name));
        }
      if (!tab)
        return TRUE;
      p = tab + 1;
      column++;
    }
}

/* Adds the path of the term's words to the trie; returns its node. */
static gboolean
add_term (TamisLexicon *lex, const Line *line, const char *term, gsize length,
          guint32 *node, GError **error)
{
  char buf[TAMIS_LEX_MAX_WORD + 1];
  TamisLexToken token;
  gsize pos = 0;
  guint depth = 0;

  *node = 0;
  while (tamis_lex_scan (&lex->folder, term, length, &pos, &token, buf, TAMIS_LEX_MAX_WORD))
    {
      if (token.len == 0)
        continue; /* folded to nothing, as it will in the text */
      if (token.len > TAMIS_LEX_MAX_WORD)
        return line_error (line, error, "a word of the term is longer than %d bytes",
                           TAMIS_LEX_MAX_WORD);
      if (++depth > MAX_TERM_WORDS)
        return line_error (line, error, "the term has more than %d words", MAX_TERM_WORDS);
      *node = tamis_trie_insert (&lex->trie, *node, token.hash, buf, token.len);
    }
  if (depth == 0)
    return line_error (line, error, "empty term");
  lex->trie.max_depth = MAX (lex->trie.max_depth, depth);
  return TRUE;
}

static gboolean
parse_weight (const Line *line, const char *start, const char *end, double *weight, GError **error)
{
  char buf[64];
  char *stop;
  gsize len = end - start;

  if (len == 0)
    return TRUE;
  if (len < sizeof buf)
    {
      memcpy (buf, start, len);
      buf[len] = '\0';
      *weight = g_ascii_strtod (buf, &stop);
      if (*stop == '\0' && isfinite (*weight))
        return TRUE;
    }
  return line_error (line, error, "bad weight '%.*s': a number is expected",
                     (int) MIN (len, 40), start);
}

static gboolean
parse_entry (TamisLexicon *lex, const Line *line, const char *p, GArray *nodes, GError **error)
{
  TamisLexEntry entry = { NULL, NULL, 1.0, line->line, lex->fields->len, 0 };
  guint column = 0;
  guint32 node;

  for (;;)
    {
      const char *tab = memchr (p, '\t', line->end - p);
      const char *start = p, *end = tab ? tab : line->end;

      trim (&start, &end);
      switch (column)
        {
        case 0:
          if (!add_term (lex, line, start, end - start, &node, error))
            return FALSE;
          entry.term = g_string_chunk_insert_len (lex->strings, start, end - start);
          break;
        case 1:
          if (end > start)
            {
              g_autofree char *label = g_strndup (start, end - start);
              entry.label = g_intern_string (label);
            }
          break;
        case 2:
          if (!parse_weight (line, start, end, &entry.weight, error))
            return FALSE;
          break;
        default:
          g_ptr_array_add (lex->fields, end > start
                           ? g_string_chunk_insert_len (lex->strings, start, end - start)
                           : NULL);
          entry.n_fields++;
          break;
        }
      if (!tab)
        break;
      p = tab + 1;
      column++;
    }
  if (lex->names->len > 0 && entry.n_fields > lex->names->len)
    return line_error (line, error, "%u extra fields, but the header names %u",
                       entry.n_fields, lex->names->len);
  g_array_append_val (lex->entries, entry);
  g_array_append_val (nodes, node);
  return TRUE;
}

static gboolean
is_blank (const char *p, const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

TamisLexicon *
tamis_lexicon_parse (const char *name, const char *data, gsize length,
                     TamisLexiconFlags flags, GError **error)
{
  TamisLexicon *lex = g_new0 (TamisLexicon, 1);
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *p = data, *end = data + length;
  Line line = { name, 0, NULL };

  lex->ref_count = 1;
  lex->path = g_strdup (name);
  lex->flags = flags;
  lex->entries = g_array_new (FALSE, FALSE, sizeof (TamisLexEntry));
  lex->fields = g_ptr_array_new ();
  lex->names = g_ptr_array_new ();
  lex->strings = g_string_chunk_new (64 * 1024);
  tamis_trie_init (&lex->trie);
  tamis_lex_folder_init (&lex->folder, flags);

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol ? eol + 1 : end;
      gboolean ok = TRUE;

      line.line++;
      line.end = eol ? eol : end;
      if (line.end > p && line.end[-1] == '\r')
        line.end--;
      if (!g_utf8_validate_len (p, line.end - p, NULL))
        ok = line_error (&line, error, "invalid UTF-8");
      else if (line.line == 1 && line.end - p >= 5 && memcmp (p, "#term", 5) == 0
               && (line.end - p == 5 || p[5] == '\t'))
        ok = parse_header (lex, &line, p, error);
      else if (*p != '#' && !is_blank (p, line.end))
        ok = parse_entry (lex, &line, p, nodes, error);
      if (!ok)
        {
          tamis_lexicon_free (lex);
          return NULL;
        }
      p = next;
    }
  tamis_trie_finish (&lex->trie, (const guint32 *) nodes->data, nodes->len);
  return lex;
}
