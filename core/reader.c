/* tamis — readers: files, directories, JSON Lines and standard input into
 * documents.
 *
 * Text files are read whole into one buffer that the document then owns;
 * JSON Lines are read line by line through a buffer that never grows past
 * the size limit, so memory stays bounded whatever the input.
 *
 * What the reader does to make input usable, and flags in "repaired":
 *   "bom"   a UTF-8 byte-order mark at the start is dropped;
 *   "crlf"  CR LF line ends become LF;
 *   "cr"    a lone CR (old Mac OS line end) becomes LF;
 *   "id-escaped"  the id comes from a file name that is not UTF-8, escaped
 *           (see tamis_reader_escape_name()).
 * Nothing else in the text is touched. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-c/json.h>

#include <tamis/error.h>
#include <tamis/io.h>
#include "document-private.h"
#include "io-private.h"
#include "json-scan.h"

#define CHUNK_SIZE (64 * 1024)

/* ---- a file descriptor read through a buffer ---- */

typedef struct {
  int fd;
  gboolean close_fd;
  char *buf;
  gsize cap;
  gsize start;                  /* first byte not handed out yet */
  gsize end;                    /* end of the data in buf */
  gboolean eof;
  int err;                      /* errno of a failed read, or 0 */
} Stream;

static void
stream_init (Stream *s, int fd, gboolean close_fd, gsize cap)
{
  memset (s, 0, sizeof *s);
  s->fd = fd;
  s->close_fd = close_fd;
  s->cap = MAX (cap, 16);
  s->buf = g_malloc (s->cap);
}

static void
stream_clear (Stream *s)
{
  if (s->close_fd && s->fd >= 0)
    close (s->fd);
  s->fd = -1;
  g_clear_pointer (&s->buf, g_free);
}

/* Reads once into the free room at the end of the buffer. */
static gboolean
stream_fill (Stream *s)
{
  for (;;)
    {
      gssize n = read (s->fd, s->buf + s->end, s->cap - s->end);

      if (n > 0)
        {
          s->end += n;
          return TRUE;
        }
      if (n == 0)
        {
          s->eof = TRUE;
          return FALSE;
        }
      if (errno != EINTR)
        {
          s->err = errno;
          return FALSE;
        }
    }
}

static void
stream_compact (Stream *s)
{
  if (s->start == 0)
    return;
  memmove (s->buf, s->buf + s->start, s->end - s->start);
  s->end -= s->start;
  s->start = 0;
}

static void
stream_grow (Stream *s, gsize cap)
{
  s->cap = cap;
  s->buf = g_realloc (s->buf, cap);
}

typedef enum {
  READ_OK,
  READ_TOO_LARGE,
  READ_EOF,
  READ_ERROR,
} ReadStatus;

/* Reads the rest of the stream into one nul-terminated buffer, which the
 * caller gets; stops as soon as there is more than @limit bytes. */
static ReadStatus
stream_read_all (Stream *s, gsize limit, char **data, gsize *length)
{
  for (;;)
    {
      if (s->end - s->start > limit)
        return READ_TOO_LARGE;
      if (s->end == s->cap)
        {
          stream_compact (s);
          if (s->end == s->cap)
            stream_grow (s, MIN (MAX (s->cap * 2, CHUNK_SIZE), limit + 2));
        }
      if (!stream_fill (s))
        {
          if (s->err)
            return READ_ERROR;
          break;
        }
    }

  stream_compact (s);
  if (s->end == s->cap)
    stream_grow (s, s->cap + 1);
  s->buf[s->end] = '\0';
  *data = g_steal_pointer (&s->buf);
  *length = s->end;
  s->start = s->end = s->cap = 0;
  return READ_OK;
}

/* Finds the next line. On READ_OK, @line (not nul-terminated, without its
 * '\n') stays valid until the next call; on READ_TOO_LARGE the line was
 * longer than @limit and has been skipped. @consumed counts the bytes used
 * up, newline included. */
static ReadStatus
stream_read_line (Stream *s, gsize limit, const char **line, gsize *length, gsize *consumed)
{
  gsize scanned = s->start;

  *line = NULL;
  *length = 0;
  for (;;)
    {
      char *nl = memchr (s->buf + scanned, '\n', s->end - scanned);

      if (nl != NULL || (s->eof && s->start < s->end))
        {
          gsize len = (nl != NULL ? (gsize) (nl - s->buf) : s->end) - s->start;

          *line = s->buf + s->start;
          *length = len;
          *consumed = len + (nl != NULL);
          s->start += *consumed;
          return len > limit ? READ_TOO_LARGE : READ_OK;
        }
      if (s->eof)
        return READ_EOF;

      scanned = s->end - s->start;
      stream_compact (s);
      if (s->end == s->cap)
        {
          if (s->cap > limit)
            {
              /* Longer than any document may be: skip to the newline
               * without keeping what is skipped. */
              gsize skipped = s->end;

              s->start = s->end = 0;
              for (;;)
                {
                  if (!stream_fill (s))
                    {
                      if (s->err)
                        return READ_ERROR;
                      *consumed = skipped;
                      return READ_TOO_LARGE;
                    }
                  nl = memchr (s->buf, '\n', s->end);
                  if (nl != NULL)
                    {
                      s->start = nl - s->buf + 1;
                      *consumed = skipped + s->start;
                      return READ_TOO_LARGE;
                    }
                  skipped += s->end;
                  s->end = 0;
                }
            }
          stream_grow (s, MIN (s->cap * 2, limit + 1));
        }
      if (!stream_fill (s) && s->err)
        return READ_ERROR;
    }
}

/* ---- the list of inputs ---- */

typedef struct {
  char *path;                   /* file to open, NULL for standard input */
  char *name;                   /* id of a text document, prefix of line ids */
  gboolean escaped;             /* name is a file name that was not UTF-8 */
  TamisInputFormat format;      /* AUTO only for streams sniffed on reading */
  char *broken;                 /* why it cannot be read, found while listing */
  guint64 size;                 /* as listed, for progress */
  guint64 from, to;             /* JSON Lines of a shard: the lines that start
                                 * in [from, to); 0 and G_MAXUINT64 for all */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->path);
  g_free (e->name);
  g_free (e->broken);
  g_free (e);
}

struct _TamisReader {
  GPtrArray *entries;
  guint next_entry;
  TamisInputFormat format;
  gsize max_doc_size;
  guint max_depth;
  guint64 total_bytes;
  guint64 bytes_read;
  gboolean size_unknown;
  gboolean live;                /* an input is a pipe, a terminal or a socket */

  /* the JSON Lines input being read */
  Entry *current;
  Stream stream;
  gboolean in_lines;
  guint line_no;
  gboolean bom_pending;
  guint64 line_pos;             /* offset in the file of the next line */
};

static gboolean
has_suffix_ci (const char *name, const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n > m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
is_jsonl_name (const char *name)
{
  return has_suffix_ci (name, ".jsonl") || has_suffix_ci (name, ".ndjson");
}

static TamisInputFormat
format_for (TamisReader *self, const char *name)
{
  if (self->format != TAMIS_INPUT_AUTO)
    return self->format;
  return is_jsonl_name (name) ? TAMIS_INPUT_JSONL : TAMIS_INPUT_TEXT;
}

/* Ids must be valid UTF-8 to be written at all; a file name need not be
 * (Latin-1 names from old archives). Such a name gets each byte that is
 * not part of valid UTF-8, and each '%', written as %XX: decoding every
 * %XX gives the name back. Valid names are kept as they are. */
char *
tamis_reader_escape_name (const char *name, gboolean *escaped)
{
  const char *p = name, *end = name + strlen (name), *bad;
  GString *out;

  *escaped = FALSE;
  if (g_utf8_validate (name, end - name, NULL))
    return g_strdup (name);
  *escaped = TRUE;
  out = g_string_sized_new (end - name + 16);
  while (p < end)
    {
      const char *run = p;

      g_utf8_validate (p, end - p, &bad);
      for (; p < bad; p++)
        if (*p == '%')
          {
            g_string_append_len (out, run, p - run);
            g_string_append (out, "%25");
            run = p + 1;
          }
      g_string_append_len (out, run, p - run);
      if (p < end)
        {
          g_string_append_printf (out, "%%%02X", (guchar) *p);
          p++;
        }
    }
  return g_string_free (out, FALSE);
}

/* Messages name files: they must be valid UTF-8 too. */
static char *
valid_message (char *message)
{
  gboolean escaped;
  char *valid;

  if (g_utf8_validate (message, -1, NULL))
    return message;
  valid = tamis_reader_escape_name (message, &escaped);
  g_free (message);
  return valid;
}

static void
add_entry (TamisReader *self, const char *path, const char *name,
           TamisInputFormat format, char *broken)
{
  Entry *e = g_new0 (Entry, 1);

  e->to = G_MAXUINT64;
  e->path = g_strdup (path);
  e->name = tamis_reader_escape_name (name, &e->escaped);
  e->format = format;
  e->broken = broken;
  g_ptr_array_add (self->entries, e);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
dir_key (const GStatBuf *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st->st_dev, (guint64) st->st_ino);
}

/* @ancestors holds the directories being listed, by dir_key(), so that a
 * symbolic link back to one of them does not loop. */
static void
list_directory (TamisReader *self, const char *path, const char *prefix,
                GHashTable *ancestors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    {
      add_entry (self, NULL, *prefix ? prefix : path, TAMIS_INPUT_TEXT,
                 g_strdup_printf ("%s: cannot list directory: %s", path, error->message));
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = names->pdata[i];
      g_autofree char *child_path = g_build_filename (path, child, NULL);
      g_autofree char *child_name = *prefix ? g_strconcat (prefix, "/", child, NULL)
                                            : g_strdup (child);
      gboolean wanted = has_suffix_ci (child, ".txt") || is_jsonl_name (child);
      GStatBuf st;

      if (g_stat (child_path, &st) != 0)
        {
          /* A dangling link or a file gone since listing: say so if it
           * looked like an input, so that nothing is dropped silently. */
          if (wanted)
            add_entry (self, child_path, child_name, format_for (self, child),
                       g_strdup_printf ("%s: %s", child_path, g_strerror (errno)));
          continue;
        }

      if (S_ISDIR (st.st_mode))
        {
          char *key = dir_key (&st);

          if (g_hash_table_contains (ancestors, key))
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (ancestors, key);
          list_directory (self, child_path, child_name, ancestors);
          g_hash_table_remove (ancestors, key);
        }
      else if (S_ISREG (st.st_mode) && wanted)
        {
          add_entry (self, child_path, child_name, format_for (self, child), NULL);
          ((Entry *) g_ptr_array_index (self->entries, self->entries->len - 1))->size = st.st_size;
          self->total_bytes += st.st_size;
        }
    }
}

gboolean
tamis_input_format_from_string (const char *name, TamisInputFormat *format)
{
  static const char *const names[] = { "auto", "text", "jsonl" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && strcmp (name, names[i]) == 0)
      {
        *format = (TamisInputFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
tamis_size_from_string (const char *text, gsize *size)
{
  guint64 value, unit = 1;
  char *end;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (text, &end, 10);
  if (errno != 0)
    return FALSE;
  while (*end == ' ')
    end++;
  switch (g_ascii_toupper (*end))
    {
    case 'K': unit = G_GUINT64_CONSTANT (1) << 10; end++; break;
    case 'M': unit = G_GUINT64_CONSTANT (1) << 20; end++; break;
    case 'G': unit = G_GUINT64_CONSTANT (1) << 30; end++; break;
    default: break;
    }
  if (unit > 1 && *end == 'i')
    end++;
  if (*end == 'B' || *end == 'b')
    end++;
  if (*end != '\0' || value == 0 || value > G_MAXSIZE / unit)
    return FALSE;
  *size = value * unit;
  return TRUE;
}

TamisReader *
tamis_reader_new (const char *const *inputs, TamisInputFormat format,
                  gsize max_doc_size, GError **error)
{
  g_autoptr(TamisReader) self = g_new0 (TamisReader, 1);

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->format = format;
  /* Span offsets are 32-bit: no document may reach 4 GiB. */
  self->max_doc_size = max_doc_size ? MIN (max_doc_size, (gsize) G_MAXUINT32 - 1)
                                    : TAMIS_DEFAULT_MAX_DOC_SIZE;
  self->max_depth = TAMIS_DEFAULT_MAX_DEPTH;
  self->stream.fd = -1;

  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    {
      const char *input = inputs[i];
      GStatBuf st;

      if (strcmp (input, "-") == 0)
        {
          add_entry (self, NULL, "-", format, NULL);
          self->size_unknown = TRUE;
          self->live |= fstat (STDIN_FILENO, &st) != 0 || !S_ISREG (st.st_mode);
          continue;
        }

      if (g_stat (input, &st) != 0)
        {
          int saved = errno;

          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "cannot read input '%s': %s", input, g_strerror (saved));
          return NULL;
        }

      if (S_ISDIR (st.st_mode))
        {
          g_autoptr(GHashTable) ancestors = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, NULL);

          g_hash_table_add (ancestors, dir_key (&st));
          list_directory (self, input, "", ancestors);
        }
      else
        {
          /* Named pipes and devices are read as streams of unknown size. */
          add_entry (self, input, input, format_for (self, input), NULL);
          if (S_ISREG (st.st_mode))
            {
              ((Entry *) g_ptr_array_index (self->entries, self->entries->len - 1))->size = st.st_size;
              self->total_bytes += st.st_size;
            }
          else
            self->size_unknown = self->live = TRUE;
        }
    }

  return g_steal_pointer (&self);
}

void
tamis_reader_set_max_depth (TamisReader *self, guint max_depth)
{
  g_return_if_fail (self != NULL);

  self->max_depth = max_depth ? MIN (max_depth, TAMIS_MAX_DEPTH_LIMIT) : TAMIS_DEFAULT_MAX_DEPTH;
}

guint64
tamis_reader_get_total_bytes (const TamisReader *self)
{
  return self->size_unknown ? 0 : self->total_bytes;
}

guint64
tamis_reader_get_bytes_read (const TamisReader *self)
{
  return self->bytes_read;
}

gboolean
tamis_reader_is_live (const TamisReader *self)
{
  return self->live;
}

gboolean
tamis_reader_would_block (TamisReader *self)
{
  Stream *s = &self->stream;
  struct pollfd pfd = { .fd = s->fd, .events = POLLIN };

  /* Between inputs: a text file is handed out unread, a broken input as
   * an error; the rest may be a pipe still to open and sniff. */
  if (!self->in_lines)
    {
      const Entry *e;

      if (self->next_entry >= self->entries->len)
        return FALSE;
      e = self->entries->pdata[self->next_entry];
      return e->broken == NULL && (e->path == NULL || e->format != TAMIS_INPUT_TEXT);
    }
  if (s->eof || s->err || memchr (s->buf + s->start, '\n', s->end - s->start) != NULL)
    return FALSE;
  /* Readable may still be half a line: reading it waits for the rest. */
  return poll (&pfd, 1, 0) <= 0;
}

static void
close_current (TamisReader *self)
{
  stream_clear (&self->stream);
  self->in_lines = FALSE;
  self->current = NULL;
}

void
tamis_reader_free (TamisReader *self)
{
  if (self == NULL)
    return;
  close_current (self);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

/* ---- documents ---- */

static TamisDoc *
failed_doc (TamisReader *self, const char *id, const char *path, guint line,
            gsize input_size, const char *code, char *message)
{
  TamisDoc *doc;

  message = valid_message (message);
  doc = tamis_doc_new_failed (id, code, message);
  g_free (message);
  tamis_doc_set_source (doc, path, line);
  tamis_doc_set_input_size (doc, input_size);
  if (self != NULL)
    self->bytes_read += input_size;
  return doc;
}

static gboolean
is_blank (const char *p, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (p[i]))
      return FALSE;
  return TRUE;
}

/* Whether valid UTF-8 @text holds nothing but white space. */
static gboolean
is_white (const char *text, gsize len)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
          p++;
        }
      else
        {
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            return FALSE;
          p = g_utf8_next_char (p);
        }
    }
  return TRUE;
}

/* "file", or "file:line" for a line of JSON Lines, as messages name them. */
static char *
where_of (const char *file, guint line)
{
  return line > 0 ? g_strdup_printf ("%s:%u", file, line) : g_strdup (file);
}

/* where_of() made once into *@slot, for the messages of one line */
static const char *
lazy_where (char **slot, const char *file, guint line)
{
  if (*slot == NULL)
    *slot = where_of (file, line);
  return *slot;
}

/* Makes a document of @text (g_malloc()ed, nul-terminated, taken), or a
 * failed document saying why it cannot be one. @where names the input in
 * messages ("file" or "file:line"). @decoded is for strings from the JSON
 * parser, which has checked the UTF-8 already. */
static TamisDoc *
text_doc (const char *id, char *text, gsize len, const char *file, guint line, gboolean decoded)
{
  g_autofree char *where = NULL;  /* made only for a message */
  const guchar *u = (const guchar *) text;
  const char *bad = NULL;
  char *nul, *cr;
  gsize skip = 0;
  gboolean crlf = FALSE, lone_cr = FALSE;
  TamisDoc *doc;
  char *message;
  const char *code;

  if (tamis_text_bom (text, len) < 0)
    {
      code = "invalid-utf8";
      where = where_of (file, line);
      message = g_strdup_printf ("%s: UTF-16 text (byte-order mark %02X %02X) is not "
                                 "supported; convert it to UTF-8", where, u[0], u[1]);
      goto fail;
    }
  skip = MAX (tamis_text_bom (text, len), 0);

  nul = memchr (text, '\0', len);
  if (nul != NULL)
    {
      code = "binary";
      where = where_of (file, line);
      message = g_strdup_printf ("%s: binary data (NUL byte at offset %" G_GSIZE_FORMAT ")",
                                 where, (gsize) (nul - text));
      goto fail;
    }
  if (!decoded && !tamis_utf8_validate (text, len, &bad))
    {
      code = "invalid-utf8";
      where = where_of (file, line);
      message = g_strdup_printf ("%s: invalid UTF-8 at byte offset %" G_GSIZE_FORMAT,
                                 where, (gsize) (bad - text));
      goto fail;
    }
  if (is_white (text + skip, len - skip))
    {
      code = "empty";
      where = where_of (file, line);
      message = g_strdup_printf (len - skip == 0 ? "%s: empty document"
                                                 : "%s: document holds only white space",
                                 where);
      goto fail;
    }

  if (skip > 0)
    {
      len -= skip;
      memmove (text, text + skip, len + 1);
    }
  cr = memchr (text, '\r', len);
  if (cr != NULL)
    len = tamis_text_fix_line_ends (text, len, cr, &crlf, &lone_cr);

  if (len > G_MAXUINT32)
    {
      code = "too-large";
      where = where_of (file, line);
      message = g_strdup_printf ("%s: documents are limited to 4 GiB", where);
      goto fail;
    }
  doc = tamis_doc_new_take_valid (id, text, len);
  if (skip > 0)
    tamis_doc_add_repair (doc, "bom");
  if (crlf)
    tamis_doc_add_repair (doc, "crlf");
  if (lone_cr)
    tamis_doc_add_repair (doc, "cr");
  return doc;

fail:
  g_free (text);
  message = valid_message (message);
  doc = tamis_doc_new_failed (id, code, message);
  g_free (message);
  return doc;
}

static char *
too_large_message (const char *where, guint64 size, gsize limit)
{
  if (size > 0)
    return g_strdup_printf ("%s: %" G_GUINT64_FORMAT " bytes, over the limit of %"
                            G_GSIZE_FORMAT " bytes (input: max_size)", where, size, limit);
  return g_strdup_printf ("%s: over the limit of %" G_GSIZE_FORMAT " bytes (input: max_size)",
                          where, limit);
}

/* Opens the entry; FALSE with a message when it cannot be. */
static gboolean
open_entry (TamisReader *self, Entry *e, guint64 *size, char **message)
{
  struct stat st;
  int fd;

  *size = 0;
  if (e->path == NULL)
    {
      stream_init (&self->stream, STDIN_FILENO, FALSE, CHUNK_SIZE);
      return TRUE;
    }

  do
    fd = g_open (e->path, O_RDONLY | O_CLOEXEC, 0);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      int saved = errno;

      *message = g_strdup_printf ("%s: cannot open: %s", e->path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    *size = st.st_size;
  /* A text file gets room for all of it plus the nul, so that one read
   * usually does; lines go through a small buffer. */
  stream_init (&self->stream, fd, TRUE,
               e->format == TAMIS_INPUT_TEXT && *size > 0
               ? MIN (*size, (guint64) self->max_doc_size) + 1 : CHUNK_SIZE);
  return TRUE;
}

/* For standard input in auto mode: JSON Lines when the first byte that is
 * not white space (after a byte-order mark) is '{'. */
static TamisInputFormat
sniff (TamisReader *self)
{
  Stream *s = &self->stream;

  for (;;)
    {
      gsize avail = s->end - s->start;

      if (avail >= 3 || s->eof || s->err)
        {
          const guchar *p = (const guchar *) s->buf + s->start;
          const guchar *end = p + avail;

          if (avail >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
            p += 3;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end)
            return *p == '{' ? TAMIS_INPUT_JSONL : TAMIS_INPUT_TEXT;
          if (s->eof || s->err || avail > self->max_doc_size)
            return TAMIS_INPUT_TEXT;
        }
      if (s->end == s->cap)
        stream_grow (s, s->cap * 2);
      stream_fill (s);
    }
}

static TamisDoc *
read_text (TamisReader *self, Entry *e, guint64 size, GError **error)
{
  const char *where = e->path ? e->path : "standard input";
  char *data = NULL;
  gsize length = 0;
  ReadStatus status;
  TamisDoc *doc;

  if (size > self->max_doc_size)
    {
      close_current (self);
      return failed_doc (self, e->name, e->path, 0, size, "too-large",
                         too_large_message (where, size, self->max_doc_size));
    }

  status = stream_read_all (&self->stream, self->max_doc_size, &data, &length);
  if (status == READ_TOO_LARGE)
    {
      gsize got = self->stream.end;

      close_current (self);
      return failed_doc (self, e->name, e->path, 0, got, "too-large",
                         too_large_message (where, 0, self->max_doc_size));
    }
  if (status == READ_ERROR)
    {
      int err = self->stream.err;
      gsize got = self->stream.end;

      close_current (self);
      if (e->path == NULL)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "cannot read standard input: %s", g_strerror (err));
          return NULL;
        }
      return failed_doc (self, e->name, e->path, 0, got, "read-error",
                         g_strdup_printf ("%s: read failed: %s", where, g_strerror (err)));
    }

  close_current (self);
  doc = text_doc (e->name, data, length, where, 0, FALSE);
  tamis_doc_set_source (doc, e->path, 0);
  if (e->escaped && tamis_doc_get_error_code (doc) == NULL)
    tamis_doc_add_repair (doc, "id-escaped");
  tamis_doc_set_input_size (doc, length);
  self->bytes_read += length;
  return doc;
}

/* ---- JSON Lines records ----
 * Parsed with json-c: the fastest of the three parsers measured (see
 * bench/io/README.md) that can bound the nesting of what it reads, and it
 * does not recurse, so a hostile line costs one bounded stack of states.
 * Only "id" and "text" are taken from the parsed object; the other members
 * are copied from the line as they are written (white space between
 * tokens dropped), so metadata numbers come out exactly as they came in. */

/* The id a JSONL record gives itself (a string or an integer), if any. */
static char *
record_id (json_object *obj)
{
  json_object *node;

  if (!json_object_object_get_ex (obj, "id", &node) || node == NULL)
    return NULL;
  if (json_object_is_type (node, json_type_string))
    return g_strndup (json_object_get_string (node), json_object_get_string_len (node));
  if (json_object_is_type (node, json_type_int))
    return g_strdup (json_object_to_json_string_ext (node, JSON_C_TO_STRING_PLAIN));
  return NULL;
}

typedef struct {
  GString *out;
  gboolean skip_id;
  gboolean skip_text;
  guint copied;
} MetaCopy;

static gboolean
copy_member (const char *key, gsize key_len, const char *value, gsize value_len,
             gpointer user_data)
{
  MetaCopy *copy = user_data;

  if ((copy->skip_id && key_len == 2 && memcmp (key, "id", 2) == 0)
      || (copy->skip_text && key_len == 4 && memcmp (key, "text", 4) == 0))
    return TRUE;
  g_string_append_c (copy->out, copy->copied++ ? ',' : '{');
  g_string_append_c (copy->out, '"');
  g_string_append_len (copy->out, key, key_len);
  g_string_append (copy->out, "\":");
  tamis_json_append_compact (copy->out, value, value_len);
  return TRUE;
}

/* Keeps the record's other members as the document's metadata: those of
 * @obj but "id" when @id_used and "text" when @text_used. */
static void
attach_meta (TamisDoc *doc, json_object *obj, const char *line, gsize len,
             gboolean id_used, gboolean text_used)
{
  int wanted = json_object_object_length (obj) - (id_used ? 1 : 0) - (text_used ? 1 : 0);
  MetaCopy copy = { NULL, id_used, text_used, 0 };

  if (wanted <= 0)
    return;
  copy.out = g_string_sized_new (MIN (len, 256));
  tamis_json_object_foreach (line, len, copy_member, &copy);
  if (copy.copied != (guint) wanted)
    {
      /* A key written twice, or "id" or "text" spelt with escapes: the
       * object json-c made says what the record means. */
      if (id_used)
        json_object_object_del (obj, "id");
      if (text_used)
        json_object_object_del (obj, "text");
      g_string_assign (copy.out, json_object_to_json_string_ext (obj, JSON_C_TO_STRING_PLAIN
                                                                      | JSON_C_TO_STRING_NOSLASHESCAPE));
    }
  else
    g_string_append_c (copy.out, '}');
  {
    gsize out_len = copy.out->len;

    tamis_doc_take_meta_json (doc, g_string_free (copy.out, FALSE), out_len);
  }
}

/* One JSON Lines record, read but not parsed yet. */
typedef struct {
  const char *line;             /* nul-terminated unless @borrowed */
  gsize len;
  gsize consumed;               /* bytes of input, line end included */
  const char *path;             /* NULL for standard input */
  const char *name;
  guint line_no;
  guint max_depth;
  gboolean escaped;             /* name is an escaped file name */
  gboolean bom;                 /* the file's byte-order mark preceded it */
  gboolean borrowed;            /* line, path and name are the reader's own,
                                 * valid while it makes the document now */
  TamisJsonlParse parse;
} LineJob;

static void
line_job_free (gpointer data)
{
  LineJob *job = data;

  /* a pending document's job owns its strings */
  g_free ((char *) job->line);
  g_free ((char *) job->path);
  g_free ((char *) job->name);
  g_free (job);
}

/* One parser per thread (records are parsed on the worker threads), made
 * again when the depth limit changes, and after a line with a \u escape:
 * json_tokener_reset() in json-c 0.16 keeps the high half of a surrogate
 * pair that a line cut short ("\ud800\u" then the end), and the next
 * line's first \u escape then reads as the low half of a broken pair
 * (an extra U+FFFD): a document must not depend on the line before. */
typedef struct {
  json_tokener *tok;
  guint depth;
  gboolean used;                /* has parsed a \u escape since made */
} ThreadParser;

static void
thread_parser_free (gpointer data)
{
  ThreadParser *tp = data;

  json_tokener_free (tp->tok);
  g_free (tp);
}

static GPrivate thread_parser = G_PRIVATE_INIT (thread_parser_free);

/* A parser for @line (@len bytes) with nesting limit @depth. */
static json_tokener *
get_tokener (guint depth, const char *line, gsize len)
{
  ThreadParser *tp = g_private_get (&thread_parser);

  if (tp == NULL)
    {
      tp = g_new0 (ThreadParser, 1);
      g_private_set (&thread_parser, tp);
    }
  if (tp->tok == NULL || tp->depth != depth || tp->used)
    {
      g_clear_pointer (&tp->tok, json_tokener_free);
      tp->tok = json_tokener_new_ex ((int) depth);
      tp->depth = depth;
      json_tokener_set_flags (tp->tok, JSON_TOKENER_STRICT);
    }
  json_tokener_reset (tp->tok);
  tp->used = memmem (line, len, "\\u", 2) != NULL;
  return tp->tok;
}

/* The document of a record whose id (taken) and text (taken) are known,
 * with what the reader adds to every one: where it comes from, the repairs. */
static TamisDoc *
record_doc (const LineJob *job, char *id, gboolean id_used, char *text, gsize text_len,
            gboolean decoded)
{
  TamisDoc *doc = text_doc (id, text, text_len, job->path ? job->path : "-", job->line_no, decoded);

  g_free (id);
  tamis_doc_set_source (doc, job->path, job->line_no);
  tamis_doc_set_input_size (doc, job->consumed);
  if (job->bom && tamis_doc_get_error_code (doc) == NULL)
    tamis_doc_add_repair (doc, "bom");
  if (job->escaped && !id_used && tamis_doc_get_error_code (doc) == NULL)
    tamis_doc_add_repair (doc, "id-escaped");
  return doc;
}

/* Records of up to this many members take the fast path. */
#define FAST_MAX_MEMBERS 32

/* The fast path, for the record most lines are: an object with a "text"
 * string, maybe an "id" string, other members strings, numbers, literals,
 * or arrays and objects of those (tamis_json_scan_flat_object()). json-c
 * spent 8,300 instructions on a 58-byte record, 3,200 of them making and
 * dropping a C locale on every call (json-c 0.16 has no way around it),
 * and built a tree that was thrown away at once; this path (900) takes the
 * id and the text, copies the other members as attach_meta() does, and
 * makes the same document. NULL when the line is of any other shape (keys with escapes
 * or written twice, a number id, no text, nesting near the limit...):
 * json-c then parses it, and reports what is wrong with it.
 * tests/test-jsonl-fast.c checks that both paths give the same documents. */
static TamisDoc *
fast_line_doc (const LineJob *job)
{
  TamisJsonMember members[FAST_MAX_MEMBERS];
  int n, id_at = -1, text_at = -1;
  char *id, *text;
  gsize id_len, text_len, meta_len;
  TamisDoc *doc;

  /* An object's members are one level down: json-c refuses them at 1.
   * Arrays and objects in them take one level each, and what they hold
   * one more; one is kept in hand, so that a record near the limit is
   * json-c's to judge. */
  if (job->max_depth < 2)
    return NULL;
  n = tamis_json_scan_flat_object (job->line, job->len, job->max_depth >= 3 ? job->max_depth - 3 : 0,
                                   members, G_N_ELEMENTS (members));
  if (n < 0)
    return NULL;
  for (int i = 0; i < n; i++)
    {
      const TamisJsonMember *m = &members[i];

      for (int j = 0; j < i; j++)
        if (members[j].key_len == m->key_len && memcmp (members[j].key, m->key, m->key_len) == 0)
          return NULL;
      if (m->key_len == 2 && memcmp (m->key, "id", 2) == 0)
        id_at = i;
      else if (m->key_len == 4 && memcmp (m->key, "text", 4) == 0)
        text_at = i;
    }
  if (text_at < 0 || members[text_at].kind != TAMIS_JSON_MEMBER_STRING
      || (id_at >= 0 && members[id_at].kind != TAMIS_JSON_MEMBER_STRING))
    return NULL;

  id = id_at >= 0 ? tamis_json_decode_string (&members[id_at], &id_len)
                  : where_of (job->name, job->line_no);
  text = tamis_json_decode_string (&members[text_at], &text_len);
  /* the decoded text is valid UTF-8 (the line was, and so is every escape
   * the scan lets through) */
  doc = record_doc (job, id, id_at >= 0, text, text_len, TRUE);

  if (n > 1 + (id_at >= 0))
    {
      /* the other members, blanks dropped: never longer than the line */
      GString *meta = g_string_sized_new (job->len + 1);

      for (int i = 0; i < n; i++)
        {
          const TamisJsonMember *m = &members[i];

          if (i == id_at || i == text_at)
            continue;
          g_string_append_c (meta, meta->len == 0 ? '{' : ',');
          g_string_append_c (meta, '"');
          g_string_append_len (meta, m->key, m->key_len);
          g_string_append_len (meta, "\":", 2);
          if (m->kind == TAMIS_JSON_MEMBER_NESTED)
            tamis_json_append_compact (meta, m->value, m->value_len);
          else
            g_string_append_len (meta, m->value, m->value_len);
        }
      g_string_append_c (meta, '}');
      meta_len = meta->len;
      tamis_doc_take_meta_json (doc, g_string_free (meta, FALSE), meta_len);
    }
  return doc;
}

/* The document of a record parsed by json-c: any JSON, and every error.
 * @line is the record, nul-terminated. */
static TamisDoc *
jsonc_line_doc (const LineJob *job, const char *line)
{
  gsize len = job->len, consumed = job->consumed;
  const char *path = job->path;
  TamisReader *self = NULL;
  const char *file = path ? path : "-";
  guint n = job->line_no;
  /* made only when a message or a missing id needs them: a printf per
   * line was a tenth of the cost of a short record */
  g_autofree char *where_text = NULL;
  g_autofree char *fallback_text = NULL;
  g_autofree char *id = NULL;
  json_tokener *tok;
  json_object *obj, *text_node = NULL;
  enum json_tokener_error err;
  gsize end;
  gboolean id_used = FALSE, text_used = FALSE;
  TamisDoc *doc;

  /* The nul after the line is parsed too: it ends a value that would
   * otherwise wait for more (a bare number). */
  tok = get_tokener (job->max_depth, line, len);
  obj = json_tokener_parse_ex (tok, line, (int) len + 1);
  err = json_tokener_get_error (tok);
  if (obj == NULL)
    {
      if (err == json_tokener_error_depth)
        return failed_doc (self, lazy_where (&fallback_text, job->name, n), path, n, consumed, "too-deep",
                           g_strdup_printf ("%s: nested deeper than %u levels "
                                            "(input: max_depth)", lazy_where (&where_text, file, n), job->max_depth));
      return failed_doc (self, lazy_where (&fallback_text, job->name, n), path, n, consumed, "bad-json",
                         g_strdup_printf ("%s: not JSON: %s at byte offset %" G_GSIZE_FORMAT,
                                          lazy_where (&where_text, file, n), err == json_tokener_continue
                                                 ? "unexpected end of the line"
                                                 : json_tokener_error_desc (err),
                                          MIN ((gsize) json_tokener_get_parse_end (tok), len)));
    }
  end = json_tokener_get_parse_end (tok);
  while (end < len && g_ascii_isspace (line[end]))
    end++;
  if (end < len)
    {
      json_object_put (obj);
      return failed_doc (self, lazy_where (&fallback_text, job->name, n), path, n, consumed, "bad-json",
                         g_strdup_printf ("%s: not JSON: more after the value at byte offset %"
                                          G_GSIZE_FORMAT, lazy_where (&where_text, file, n), end));
    }
  if (!json_object_is_type (obj, json_type_object))
    {
      json_object_put (obj);
      return failed_doc (self, lazy_where (&fallback_text, job->name, n), path, n, consumed, "no-text",
                         g_strdup_printf ("%s: not a JSON object with a \"text\" string", lazy_where (&where_text, file, n)));
    }

  id = record_id (obj);
  if (id != NULL)
    id_used = TRUE;
  else
    {
      lazy_where (&fallback_text, job->name, n);
      id = g_steal_pointer (&fallback_text);
    }

  if (!json_object_object_get_ex (obj, "text", &text_node) || text_node == NULL
      || !json_object_is_type (text_node, json_type_string))
    {
      doc = failed_doc (self, id, path, n, consumed, "no-text",
                        g_strdup_printf (text_node == NULL && !json_object_object_get_ex (obj, "text", NULL)
                                         ? "%s: no \"text\" member" : "%s: \"text\" is not a string",
                                         lazy_where (&where_text, file, n)));
    }
  else
    {
      gsize text_len = json_object_get_string_len (text_node);
      char *text = g_malloc (text_len + 1);

      memcpy (text, json_object_get_string (text_node), text_len);
      text[text_len] = '\0';
      text_used = TRUE;
      /* json-c lets an escaped lone surrogate (\ud800) through as bytes
       * that are not UTF-8: only text with escapes is checked again. */
      doc = record_doc (job, g_steal_pointer (&id), id_used, text, text_len,
                        memchr (line, '\\', len) == NULL);
    }

  attach_meta (doc, obj, line, len, id_used, text_used);
  json_object_put (obj);
  return doc;
}

/* Makes the document of a JSON Lines record (a LineJob). */
static TamisDoc *
load_line (gpointer data)
{
  const LineJob *job = data;
  const char *line = job->line, *bad = NULL;
  gsize len = job->len;
  g_autofree char *copy = NULL;
  gboolean valid;
  TamisDoc *doc;

  /* The encoding first, so that the message can say where it is wrong. A
   * pending record's line was copied up to its first NUL, the rest made
   * NULs: a borrowed one is read the same way. */
  valid = tamis_utf8_validate (line, len, &bad);
  if (!valid && job->borrowed && memchr (line, '\0', bad - line) != NULL)
    {
      line = copy = g_strndup (line, len);
      valid = tamis_utf8_validate (line, len, &bad);
    }
  if (!valid)
    {
      g_autofree char *id = where_of (job->name, job->line_no);

      return failed_doc (NULL, id, job->path, job->line_no, job->consumed, "invalid-utf8",
                         g_strdup_printf ("%s:%u: invalid UTF-8 at byte offset %" G_GSIZE_FORMAT
                                          " of the line", job->path ? job->path : "-",
                                          job->line_no, (gsize) (bad - line)));
    }
  if (len > G_MAXINT - 1)
    {
      g_autofree char *id = where_of (job->name, job->line_no);

      return failed_doc (NULL, id, job->path, job->line_no, job->consumed, "too-large",
                         g_strdup_printf ("%s:%u: JSON Lines records are limited to 2 GiB",
                                          job->path ? job->path : "-", job->line_no));
    }

  if (job->parse != TAMIS_JSONL_PARSE_JSONC)
    {
      doc = fast_line_doc (job);
      if (doc != NULL || job->parse == TAMIS_JSONL_PARSE_FAST)
        return doc;
    }
  /* json-c reads the nul after the line */
  if (job->borrowed && copy == NULL)
    line = copy = g_strndup (line, len);
  return jsonc_line_doc (job, line);
}

TamisDoc *
tamis_reader_parse_line (const char *line, gsize len, const char *path, const char *name,
                         guint line_no, guint max_depth, TamisJsonlParse how)
{
  LineJob job = {
    .line = line, .len = len, .consumed = len + 1, .path = path, .name = name,
    .line_no = line_no, .max_depth = max_depth, .parse = how,
  };

  return load_line (&job);
}

/* The next document of the JSON Lines input being read, or NULL at its
 * end; loaded @now, or left pending. */
static TamisDoc *
next_line_doc (TamisReader *self, gboolean now, GError **error)
{
  Entry *e = self->current;

  for (;;)
    {
      const char *line = NULL;
      gsize len = 0, consumed = 0;
      ReadStatus status;

      /* the next line starts in the next shard's bytes */
      if (self->line_pos >= e->to)
        {
          close_current (self);
          return NULL;
        }
      status = stream_read_line (&self->stream, self->max_doc_size, &line, &len, &consumed);
      if (status == READ_OK || status == READ_TOO_LARGE)
        self->line_pos += consumed;

      if (status == READ_EOF)
        {
          close_current (self);
          return NULL;
        }
      if (status == READ_ERROR)
        {
          int err = self->stream.err;
          guint n = self->line_no + 1;
          g_autofree char *id = g_strdup_printf ("%s:%u", e->name, n);

          close_current (self);
          if (e->path == NULL)
            {
              g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                           "cannot read standard input: %s", g_strerror (err));
              return NULL;
            }
          return failed_doc (self, id, e->path, n, 0, "read-error",
                             g_strdup_printf ("%s:%u: read failed: %s", e->path, n,
                                              g_strerror (err)));
        }

      self->line_no++;
      if (self->line_no == 1 && len >= 3 && memcmp (line, "\xef\xbb\xbf", 3) == 0)
        {
          line += 3;
          len -= 3;
          self->bom_pending = TRUE;
        }

      if (status == READ_TOO_LARGE)
        {
          g_autofree char *id = g_strdup_printf ("%s:%u", e->name, self->line_no);
          g_autofree char *where = g_strdup_printf ("%s:%u", e->path ? e->path : "-",
                                                    self->line_no);

          return failed_doc (self, id, e->path, self->line_no, consumed, "too-large",
                             too_large_message (where, consumed, self->max_doc_size));
        }

      if (len > 0 && line[len - 1] == '\r')
        len--;
      if (is_blank (line, len))
        {
          self->bytes_read += consumed;
          continue;
        }
      {
        TamisDoc *doc;
        LineJob here = {
          .line = line, .len = len, .consumed = consumed, .path = e->path, .name = e->name,
          .line_no = self->line_no, .max_depth = self->max_depth, .escaped = e->escaped,
          .bom = self->bom_pending, .borrowed = TRUE,
        };
        LineJob *job;

        self->bom_pending = FALSE;
        self->bytes_read += consumed;
        /* Wanted now: parsed from the stream's buffer, with no copy of the
         * line and no pending document made and dropped. */
        if (now)
          return load_line (&here);
        job = g_memdup2 (&here, sizeof here);
        job->line = g_strndup (line, len);
        job->path = g_strdup (e->path);
        job->name = g_strdup (e->name);
        job->borrowed = FALSE;
        doc = tamis_doc_new_pending (load_line, job, line_job_free);
        tamis_doc_set_input_size (doc, consumed);
        return doc;
      }
    }
}

/* A text file, listed but not read yet. */
typedef struct {
  char *path;
  char *name;                   /* as escaped already */
  gboolean escaped;
  gsize max_doc_size;
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

static TamisDoc *
load_file (gpointer data)
{
  FileJob *job = data;
  TamisReader reader = { .max_doc_size = job->max_doc_size, .stream.fd = -1 };
  Entry entry = { .path = job->path, .name = job->name, .escaped = job->escaped,
                  .format = TAMIS_INPUT_TEXT };
  char *message = NULL;
  guint64 size;

  /* A reader of its own for this one file: nothing shared with the
   * reading thread. */
  if (!open_entry (&reader, &entry, &size, &message))
    return failed_doc (NULL, entry.name, entry.path, 0, 0, "read-error", message);
  return read_text (&reader, &entry, size, NULL);
}

/* ---- shards ---- */

/* Moves a JSON Lines stream to the first line that starts at or after
 * @from, counting the lines passed so that ids and messages give the same
 * line numbers as a whole run. The bytes before are read, not parsed. */
static gboolean
skip_to_line (TamisReader *self, guint64 from)
{
  Stream *s = &self->stream;
  guint64 left = from;
  gboolean at_line_start = TRUE;

  while (left > 0 || !at_line_start)
    {
      gsize avail, take;
      const char *p, *end;

      if (s->start == s->end)
        {
          s->start = s->end = 0;
          if (!stream_fill (s))
            return s->err == 0;
        }
      avail = s->end - s->start;
      p = s->buf + s->start;
      if (left > 0)
        {
          take = MIN (avail, left);
          end = p + take;
          for (const char *nl; (nl = memchr (p, '\n', end - p)) != NULL; p = nl + 1)
            self->line_no++;
          at_line_start = s->buf[s->start + take - 1] == '\n';
          left -= take;
        }
      else
        {
          /* the rest of a line that started before @from */
          const char *nl = memchr (p, '\n', avail);

          take = nl != NULL ? (gsize) (nl - p) + 1 : avail;
          if (nl != NULL)
            {
              self->line_no++;
              at_line_start = TRUE;
            }
        }
      s->start += take;
      self->line_pos += take;
    }
  return TRUE;
}

/* floor (total * i / n), without overflow for any n below 2^32 */
static guint64
shard_bound (guint64 total, guint i, guint n)
{
  return total / n * i + total % n * i / n;
}

gboolean
tamis_reader_set_shard (TamisReader *self, guint index, guint count, GError **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  guint64 lo, hi, at = 0, total = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (count > 0 && index < count, FALSE);
  g_return_val_if_fail (self->next_entry == 0, FALSE);

  if (self->size_unknown)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "standard input and pipes cannot be split into shards: give files or directories");
      return FALSE;
    }
  lo = shard_bound (self->total_bytes, index, count);
  hi = index + 1 == count ? G_MAXUINT64 : shard_bound (self->total_bytes, index + 1, count);
  kept = g_ptr_array_new_with_free_func (entry_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = self->entries->pdata[i];
      gboolean keep;

      if (e->format == TAMIS_INPUT_JSONL && e->broken == NULL)
        {
          /* its lines, by where each starts */
          e->from = lo > at ? lo - at : 0;
          e->to = hi == G_MAXUINT64 ? G_MAXUINT64 : hi > at ? hi - at : 0;
          keep = e->from < e->size && e->from < e->to;
          if (keep)
            total += MIN (e->to, e->size) - e->from;
        }
      else
        {
          /* a whole document, by where it starts */
          keep = at >= lo && at < hi;
          if (keep)
            total += e->size;
        }
      at += e->size;
      if (keep)
        g_ptr_array_add (kept, g_steal_pointer (&self->entries->pdata[i]));
    }
  g_ptr_array_set_free_func (self->entries, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    if (self->entries->pdata[i] != NULL)
      entry_free (self->entries->pdata[i]);
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&kept);
  self->total_bytes = total;
  return TRUE;
}

static TamisDoc *
reader_next (TamisReader *self, gboolean now, GError **error);

TamisDoc *
tamis_reader_next (TamisReader *self, GError **error)
{
  TamisDoc *doc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = reader_next (self, TRUE, error);
  if (doc != NULL)
    tamis_doc_load (doc);
  return doc;
}

TamisDoc *
tamis_reader_next_pending (TamisReader *self, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_next (self, FALSE, error);
}

/* The next document; a JSON Lines record is parsed @now, or left pending
 * (other documents are loaded by the caller). */
static TamisDoc *
reader_next (TamisReader *self, gboolean now, GError **error)
{
  for (;;)
    {
      Entry *e;
      guint64 size;
      char *message = NULL;
      TamisInputFormat format;

      if (self->in_lines)
        {
          g_autoptr(GError) local_error = NULL;
          TamisDoc *doc = next_line_doc (self, now, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (doc != NULL)
            return doc;
        }

      if (self->next_entry >= self->entries->len)
        return NULL;
      e = self->entries->pdata[self->next_entry++];

      if (e->broken != NULL)
        return failed_doc (self, e->name, e->path, 0, 0, "read-error", g_strdup (e->broken));
      if (e->path != NULL && e->format == TAMIS_INPUT_TEXT)
        {
          FileJob *job = g_new0 (FileJob, 1);

          job->path = g_strdup (e->path);
          job->name = g_strdup (e->name);
          job->escaped = e->escaped;
          job->max_doc_size = self->max_doc_size;
          self->bytes_read += e->size;
          TamisDoc *doc = tamis_doc_new_pending (load_file, job, file_job_free);

          tamis_doc_set_input_size (doc, e->size);
          return doc;
        }
      if (!open_entry (self, e, &size, &message))
        return failed_doc (self, e->name, e->path, 0, 0, "read-error", message);

      format = e->format;
      if (format == TAMIS_INPUT_AUTO)
        format = sniff (self);
      if (format == TAMIS_INPUT_JSONL)
        {
          self->current = e;
          self->in_lines = TRUE;
          self->line_no = 0;
          self->bom_pending = FALSE;
          self->line_pos = 0;
          if (e->from > 0 && !skip_to_line (self, e->from))
            {
              int err = self->stream.err;

              close_current (self);
              return failed_doc (self, e->name, e->path, 0, 0, "read-error",
                                 g_strdup_printf ("%s: read failed: %s", e->path,
                                                  g_strerror (err)));
            }
          continue;
        }
      return read_text (self, e, size, error);
    }
}
