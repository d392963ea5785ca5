/* tamis — fuzz target: the JSON Lines reader and the writers.
 *
 * The input is one JSON Lines file. It is read twice, with the default
 * size limit and with a tiny one (so that the too-large paths run too),
 * and every record is formatted as JSON Lines, then as TSV. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

#define SMALL_LIMIT 40

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  return 0;
}

/* The number of records the reader must give: one per line, except blank
 * lines (after a first line's byte-order mark and a final CR) that fit in
 * @limit. */
static guint
expected_records (const char *data, size_t size, gsize limit)
{
  guint n = 0;
  size_t start = 0;

  while (start < size)
    {
      const char *nl = memchr (data + start, '\n', size - start);
      size_t end = nl != NULL ? (size_t) (nl - data) : size;
      const char *p = data + start;
      size_t len = end - start;
      gboolean blank = TRUE;

      if (len > limit)
        n++;
      else
        {
          if (start == 0 && len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
            {
              p += 3;
              len -= 3;
            }
          if (len > 0 && p[len - 1] == '\r')
            len--;
          for (size_t i = 0; i < len && blank; i++)
            blank = g_ascii_isspace (p[i]);
          n += !blank;
        }
      start = end + 1;
    }
  return n;
}

static void
read_all (const char *path, const char *data, size_t size, gsize limit, TamisFormat format)
{
  const char *inputs[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  TamisReader *reader = tamis_reader_new (inputs, TAMIS_INPUT_JSONL, limit, &error);
  TamisWriter *writer;
  TamisDoc *doc;
  guint n = 0;

  fuzz_assert (reader != NULL);
  writer = tamis_writer_new (format, out, NULL, TRUE);
  while ((doc = tamis_reader_next (reader, &error)) != NULL)
    {
      const char *code = tamis_doc_get_error_code (doc);

      n++;
      if (code == NULL)
        {
          const char *text = tamis_doc_get_text (doc);
          gsize len = tamis_doc_get_length (doc);

          /* a document is usable text: valid, not blank, no CR left */
          fuzz_assert (g_utf8_validate_len (text, len, NULL));
          fuzz_assert (len > 0 && memchr (text, '\r', len) == NULL);
          fuzz_assert (tamis_doc_get_source_line (doc) == 0 || tamis_doc_get_source_line (doc) >= n);
        }
      else
        fuzz_assert (tamis_doc_get_error_message (doc) != NULL);
      fuzz_assert (tamis_doc_get_id (doc) != NULL);
      fuzz_assert (tamis_writer_write (writer, doc, &error));
      tamis_doc_free (doc);
    }
  fuzz_assert (error == NULL);
  fuzz_assert (tamis_writer_finish (writer, &error));
  tamis_writer_free (writer);
  tamis_reader_free (reader);
  fuzz_assert (n == expected_records (data, size, limit));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = NULL;
  int fd = fuzz_memfile (data, size, &path);

  fuzz_assert (fd >= 0);
  read_all (path, (const char *) data, size, TAMIS_DEFAULT_MAX_DOC_SIZE, TAMIS_FORMAT_JSONL);
  read_all (path, (const char *) data, size, SMALL_LIMIT, TAMIS_FORMAT_TSV);
  close (fd);
  return 0;
}
