/* tamis — fuzz target: the repairs of text documents.
 *
 * The same bytes become a document twice: in memory with
 * tamis_doc_new_full (TAMIS_DOC_REPAIR) and through the file reader. The
 * reader refuses more (NUL bytes, blank text), but when both accept the
 * bytes they must agree on the text and the repairs: the API promises the
 * offsets of `tamis run`. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  return 0;
}

static gboolean
same_repairs (const char *const *a, const char *const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisDoc) mem = NULL;
  g_autoptr(TamisDoc) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *record = NULL;
  const char *inputs[2] = { NULL, NULL };
  TamisReader *reader;
  int fd;

  mem = tamis_doc_new_full ("mem", (const char *) data, size, TAMIS_DOC_REPAIR, &error);
  if (mem != NULL)
    {
      gsize len = tamis_doc_get_length (mem);

      fuzz_assert (memchr (tamis_doc_get_text (mem), '\r', len) == NULL);
      fuzz_assert (tamis_doc_get_text (mem)[len] == '\0');
      /* the last offset must convert, for the writers */
      fuzz_assert (tamis_doc_char_offset (mem, len) <= len);
      record = tamis_doc_to_json (mem, NULL, TRUE, FALSE);
    }
  else
    fuzz_assert (error != NULL);

  fd = fuzz_memfile (data, size, &path);
  fuzz_assert (fd >= 0);
  inputs[0] = path;
  g_clear_error (&error);
  reader = tamis_reader_new (inputs, TAMIS_INPUT_TEXT, 0, &error);
  fuzz_assert (reader != NULL);
  file = tamis_reader_next (reader, &error);
  fuzz_assert (file != NULL);
  fuzz_assert (tamis_reader_next (reader, &error) == NULL && error == NULL);
  tamis_reader_free (reader);
  close (fd);

  if (tamis_doc_get_error_code (file) == NULL)
    {
      /* what the reader takes, memory takes too */
      fuzz_assert (mem != NULL);
      fuzz_assert (tamis_doc_get_length (mem) == tamis_doc_get_length (file));
      fuzz_assert (memcmp (tamis_doc_get_text (mem), tamis_doc_get_text (file),
                           tamis_doc_get_length (file)) == 0);
      fuzz_assert (same_repairs (tamis_doc_get_repairs (mem), tamis_doc_get_repairs (file)));
    }
  return 0;
}
