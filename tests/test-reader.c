/* Tests of the readers: files, directories, JSON Lines, standard input and
 * every kind of bad input. Fixtures are written at test time into a
 * temporary directory. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>
#include "document-private.h"
#include "io-private.h"

typedef struct {
  char *dir;
} Fixture;

static void
put (const char *dir, const char *name, const char *data, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tamis-reader-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static TamisReader *
open_reader (const char *input, TamisInputFormat format, gsize max_size)
{
  const char *inputs[] = { input, NULL };
  g_autoptr(GError) error = NULL;
  TamisReader *reader = tamis_reader_new (inputs, format, max_size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads every document of @input. */
static GPtrArray *
read_all (const char *input, TamisInputFormat format, gsize max_size)
{
  g_autoptr(TamisReader) reader = open_reader (input, format, max_size);
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) tamis_doc_free);
  g_autoptr(GError) error = NULL;
  TamisDoc *doc;

  while ((doc = tamis_reader_next (reader, &error)) != NULL)
    g_ptr_array_add (docs, doc);
  g_assert_no_error (error);
  /* Everything listed was consumed, and accounted for. */
  if (tamis_reader_get_total_bytes (reader) > 0)
    g_assert_cmpuint (tamis_reader_get_bytes_read (reader), ==,
                      tamis_reader_get_total_bytes (reader));
  return docs;
}

static TamisDoc *
find_doc (GPtrArray *docs, const char *id)
{
  for (guint i = 0; i < docs->len; i++)
    if (strcmp (tamis_doc_get_id (docs->pdata[i]), id) == 0)
      return docs->pdata[i];
  g_error ("no document '%s'", id);
  return NULL;
}

static void
assert_failed (TamisDoc *doc, const char *code, const char *in_message)
{
  const char *message = tamis_doc_get_error_message (doc);

  g_assert_cmpstr (tamis_doc_get_error_code (doc), ==, code);
  g_assert_nonnull (message);
  if (strstr (message, in_message) == NULL)
    g_error ("message '%s' does not contain '%s'", message, in_message);
}

static void
assert_text (TamisDoc *doc, const char *text)
{
  g_assert_null (tamis_doc_get_error_code (doc));
  g_assert_cmpstr (tamis_doc_get_text (doc), ==, text);
  g_assert_cmpuint (tamis_doc_get_length (doc), ==, strlen (text));
}

static gboolean
has_repair (TamisDoc *doc, const char *what)
{
  const char *const *repairs = tamis_doc_get_repairs (doc);

  return repairs != NULL && g_strv_contains (repairs, what);
}

static void
test_bad_text_files (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *big = g_strnfill (300, 'a');
  g_autofree char *path = NULL;
  TamisDoc *doc;

  put (f->dir, "bom.txt", "\xef\xbb\xbfLe PDG de Meta a parlé.", -1);
  put (f->dir, "crlf.txt", "Première ligne.\r\nSeconde ligne.\r\n", -1);
  put (f->dir, "cr.txt", "Old Mac line\rnext line", -1);
  put (f->dir, "binary.txt", "PK\x03\x04\0\0binary", 12);
  put (f->dir, "empty.txt", "", 0);
  put (f->dir, "blank.txt", " \n\t\r\n\xc2\xa0 \n", -1);
  put (f->dir, "latin1.txt", "Le caf\xe9 co\xfbte cher.", -1);
  put (f->dir, "utf16.txt", "\xff\xfeH\0i\0", 6);
  put (f->dir, "big.txt", big, -1);
  put (f->dir, "good.txt", "Nvidia a gagné 5 % à la Bourse.", -1);
  /* a sequence cut short after a long ASCII run, and an overlong '/' */
  put (f->dir, "truncated.txt", "DeepSeek et Nvidia: é \xe2\x82x", -1);
  put (f->dir, "overlong.txt", "Meta a dépensé \xc0\xaf", -1);

  docs = read_all (f->dir, TAMIS_INPUT_AUTO, 200);
  g_assert_cmpuint (docs->len, ==, 12);

  doc = find_doc (docs, "bom.txt");
  assert_text (doc, "Le PDG de Meta a parlé.");
  g_assert_true (has_repair (doc, "bom"));
  path = g_build_filename (f->dir, "bom.txt", NULL);
  g_assert_cmpstr (tamis_doc_get_source_path (doc), ==, path);

  doc = find_doc (docs, "crlf.txt");
  assert_text (doc, "Première ligne.\nSeconde ligne.\n");
  g_assert_true (has_repair (doc, "crlf"));
  g_assert_false (has_repair (doc, "bom"));

  doc = find_doc (docs, "cr.txt");
  assert_text (doc, "Old Mac line\nnext line");
  g_assert_true (has_repair (doc, "cr"));

  assert_failed (find_doc (docs, "binary.txt"), "binary", "NUL byte at offset 4");
  assert_failed (find_doc (docs, "binary.txt"), "binary", "binary.txt");
  assert_failed (find_doc (docs, "empty.txt"), "empty", "empty.txt");
  assert_failed (find_doc (docs, "blank.txt"), "empty", "white space");
  assert_failed (find_doc (docs, "latin1.txt"), "invalid-utf8", "latin1.txt: invalid UTF-8 at byte offset 6");
  assert_failed (find_doc (docs, "utf16.txt"), "invalid-utf8", "UTF-16");
  assert_failed (find_doc (docs, "truncated.txt"), "invalid-utf8", "byte offset 23");
  assert_failed (find_doc (docs, "overlong.txt"), "invalid-utf8", "byte offset 17");
  assert_failed (find_doc (docs, "big.txt"), "too-large", "300 bytes");

  doc = find_doc (docs, "good.txt");
  assert_text (doc, "Nvidia a gagné 5 % à la Bourse.");
  g_assert_null (tamis_doc_get_repairs (doc));
  /* Failed documents still count the input they stood for. */
  g_assert_cmpuint (tamis_doc_get_input_size (find_doc (docs, "big.txt")), ==, 300);
}

static void
test_directory_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  static const char *const expected[] = {
    "B.txt", "a.jsonl:1", "a.jsonl:2", "a.txt", "sub/deeper/x.txt", "sub/y.ndjson:1", "z.TXT",
  };

  put (f->dir, "z.TXT", "Zed.", -1);
  put (f->dir, "a.txt", "Alpha.", -1);
  put (f->dir, "B.txt", "Bravo.", -1);
  put (f->dir, "a.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n", -1);
  put (f->dir, "notes.md", "not an input", -1);
  put (f->dir, "data.csv", "not,an,input", -1);
  put (f->dir, ".hidden.txt", "hidden", -1);
  put (f->dir, ".git/HEAD.txt", "hidden too", -1);
  put (f->dir, "sub/y.ndjson", "{\"text\": \"why\"}", -1);
  put (f->dir, "sub/deeper/x.txt", "Ex.", -1);

  docs = read_all (f->dir, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < docs->len; i++)
    {
      g_assert_cmpstr (tamis_doc_get_id (docs->pdata[i]), ==, expected[i]);
      g_assert_null (tamis_doc_get_error_code (docs->pdata[i]));
    }
  assert_text (find_doc (docs, "sub/deeper/x.txt"), "Ex.");
  assert_text (find_doc (docs, "a.jsonl:2"), "two");
  g_assert_cmpuint (tamis_doc_get_source_line (find_doc (docs, "a.jsonl:2")), ==, 2);
}

static void
test_jsonl (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = g_build_filename (f->dir, "news.jsonl", NULL);
  g_autofree char *long_line = NULL;
  g_autoptr(GString) input = g_string_new (NULL);
  TamisDoc *doc;
  char *where;

  g_string_append (input, "{\"id\": \"afp-1\", \"text\": \"Meta prévoit 60 à 65 milliards de dollars.\", "
                          "\"source\": \"AFP\", \"tags\": [\"ia\", \"capex\"], \"n\": 3}\n");
  g_string_append (input, "{\"id\": 42, \"text\": \"DeepSeek shook Nvidia.\"}\n");
  g_string_append (input, "{\"text\": \"No id here.\", \"lang\": \"en\"}\n");
  g_string_append (input, "\n   \n");
  g_string_append (input, "this is not JSON\n");
  g_string_append (input, "{\"id\": \"no-text\", \"title\": \"Sans texte\"}\n");
  g_string_append (input, "[1, 2, 3]\n");
  g_string_append (input, "{\"id\": \"num-text\", \"text\": 5}\n");
  g_string_append (input, "{\"id\": \"empty-text\", \"text\": \"  \"}\n");
  long_line = g_strdup_printf ("{\"id\": \"long\", \"text\": \"%0300d\"}\n", 7);
  g_string_append (input, long_line);
  g_string_append (input, "{\"id\": \"bad-bytes\", \"text\": \"caf\xe9\"}\n");
  g_string_append (input, "{\"id\": \"crlf\", \"text\": \"a\\r\\nb\"}\r\n");
  g_string_append (input, "{\"id\": \"last\", \"text\": \"Fin sans saut de ligne.\"}");
  put (f->dir, "news.jsonl", input->str, input->len);

  docs = read_all (path, TAMIS_INPUT_AUTO, 200);
  g_assert_cmpuint (docs->len, ==, 12);

  doc = docs->pdata[0];
  g_assert_cmpstr (tamis_doc_get_id (doc), ==, "afp-1");
  assert_text (doc, "Meta prévoit 60 à 65 milliards de dollars.");
  g_assert_cmpstr (tamis_doc_get_meta (doc, "source"), ==, "AFP");
  g_assert_null (tamis_doc_get_meta (doc, "id"));
  g_assert_null (tamis_doc_get_meta (doc, "text"));
  g_assert_cmpstr (tamis_doc_get_source_path (doc), ==, path);
  g_assert_cmpuint (tamis_doc_get_source_line (doc), ==, 1);

  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[1]), ==, "42");
  assert_text (docs->pdata[1], "DeepSeek shook Nvidia.");

  where = g_strdup_printf ("%s:3", path);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[2]), ==, where);
  g_assert_cmpstr (tamis_doc_get_meta (docs->pdata[2], "lang"), ==, "en");
  g_free (where);

  /* Line 4 and 5 are blank and skipped; line numbers stay those of the file. */
  doc = docs->pdata[3];
  where = g_strdup_printf ("%s:6", path);
  g_assert_cmpstr (tamis_doc_get_id (doc), ==, where);
  assert_failed (doc, "bad-json", where);
  g_free (where);

  doc = docs->pdata[4];
  g_assert_cmpstr (tamis_doc_get_id (doc), ==, "no-text");
  assert_failed (doc, "no-text", ":7");
  g_assert_cmpstr (tamis_doc_get_meta (doc, "title"), ==, "Sans texte");

  assert_failed (docs->pdata[5], "no-text", ":8");
  assert_failed (docs->pdata[6], "no-text", "not a string");
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[7]), ==, "empty-text");
  assert_failed (docs->pdata[7], "empty", ":10");

  where = g_strdup_printf ("%s:11", path);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[8]), ==, where);
  assert_failed (docs->pdata[8], "too-large", "over the limit of 200 bytes");
  g_free (where);

  assert_failed (docs->pdata[9], "invalid-utf8", ":12: invalid UTF-8 at byte offset 32");

  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[10]), ==, "crlf");
  assert_text (docs->pdata[10], "a\nb");
  g_assert_true (has_repair (docs->pdata[10], "crlf"));

  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[11]), ==, "last");
  assert_text (docs->pdata[11], "Fin sans saut de ligne.");
  g_assert_cmpuint (tamis_doc_get_source_line (docs->pdata[11]), ==, 14);
}

/* A line far longer than the read buffer is skipped without being held. */
static void
test_jsonl_huge_line (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GString) input = g_string_new ("{\"id\": \"huge\", \"text\": \"");
  g_autofree char *path = g_build_filename (f->dir, "huge.jsonl", NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (input, "Nvidia ");
  g_string_append (input, "\"}\n{\"id\": \"after\", \"text\": \"Still read.\"}\n");
  put (f->dir, "huge.jsonl", input->str, input->len);

  docs = read_all (path, TAMIS_INPUT_AUTO, 1000);
  g_assert_cmpuint (docs->len, ==, 2);
  assert_failed (docs->pdata[0], "too-large", ":1:");
  assert_text (docs->pdata[1], "Still read.");

  /* With a limit above the line, the same document is read whole. */
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = read_all (path, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpuint (tamis_doc_get_length (docs->pdata[0]), ==, 700000);
}

static void
test_jsonl_bom (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bom.jsonl", NULL);

  put (f->dir, "bom.jsonl", "\xef\xbb\xbf{\"id\": \"a\", \"text\": \"Un.\"}\n{\"id\": \"b\", \"text\": \"Deux.\"}\n", -1);
  docs = read_all (path, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 2);
  assert_text (docs->pdata[0], "Un.");
  g_assert_true (has_repair (docs->pdata[0], "bom"));
  g_assert_null (tamis_doc_get_repairs (docs->pdata[1]));
}

static void
test_forced_format (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *jsonl = g_build_filename (f->dir, "records.jsonl", NULL);
  g_autofree char *text = g_build_filename (f->dir, "records.txt", NULL);
  const char *lines = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n";

  put (f->dir, "records.jsonl", lines, -1);
  put (f->dir, "records.txt", lines, -1);

  docs = read_all (jsonl, TAMIS_INPUT_TEXT, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  assert_text (docs->pdata[0], lines);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[0]), ==, jsonl);

  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = read_all (text, TAMIS_INPUT_JSONL, 0);
  g_assert_cmpuint (docs->len, ==, 2);
  assert_text (docs->pdata[1], "two");

  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = read_all (text, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 1);
}

static void
test_missing_input (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.txt", NULL);
  g_autofree char *present = g_build_filename (f->dir, "here.txt", NULL);
  const char *inputs[] = { present, missing, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisReader) reader = NULL;

  put (f->dir, "here.txt", "Here.", -1);
  reader = tamis_reader_new (inputs, TAMIS_INPUT_AUTO, 0, &error);
  g_assert_null (reader);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.txt"));
}

/* A file that goes away after listing, and a dangling link in a directory,
 * give read-error records; the rest is still read. */
static void
test_read_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *a = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *link = g_build_filename (f->dir, "b.txt", NULL);
  g_autoptr(TamisReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  TamisDoc *doc;

  put (f->dir, "a.txt", "Soon gone.", -1);
  put (f->dir, "c.txt", "Still here.", -1);
  g_assert_cmpint (symlink ("missing-target.txt", link), ==, 0);

  reader = open_reader (f->dir, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpint (g_unlink (a), ==, 0);

  doc = tamis_reader_next (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tamis_doc_get_id (doc), ==, "a.txt");
  assert_failed (doc, "read-error", "a.txt");
  tamis_doc_free (doc);

  doc = tamis_reader_next (reader, &error);
  g_assert_cmpstr (tamis_doc_get_id (doc), ==, "b.txt");
  assert_failed (doc, "read-error", "b.txt");
  tamis_doc_free (doc);

  doc = tamis_reader_next (reader, &error);
  assert_text (doc, "Still here.");
  tamis_doc_free (doc);

  g_assert_null (tamis_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_unreadable_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "secret.txt", NULL);
  g_autoptr(GPtrArray) docs = NULL;

  put (f->dir, "secret.txt", "Confidentiel.", -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (access (path, R_OK) == 0)
    {
      g_test_skip ("permissions do not apply (running as root)");
      return;
    }
  docs = read_all (path, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  assert_failed (docs->pdata[0], "read-error", "secret.txt");
}

/* Reads "-" with @content on standard input. */
static GPtrArray *
read_stdin (Fixture *f, const char *content, gssize len, TamisInputFormat format, gsize max_size)
{
  g_autofree char *path = g_build_filename (f->dir, "stdin", NULL);
  g_autoptr(TamisReader) reader = NULL;
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) tamis_doc_free);
  g_autoptr(GError) error = NULL;
  int saved = dup (STDIN_FILENO), fd;
  TamisDoc *doc;

  put (f->dir, "stdin", content, len);
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDIN_FILENO), ==, STDIN_FILENO);
  close (fd);

  reader = open_reader ("-", format, max_size);
  g_assert_cmpuint (tamis_reader_get_total_bytes (reader), ==, 0);
  while ((doc = tamis_reader_next (reader, &error)) != NULL)
    g_ptr_array_add (docs, doc);
  g_assert_no_error (error);

  g_assert_cmpint (dup2 (saved, STDIN_FILENO), ==, STDIN_FILENO);
  close (saved);
  return docs;
}

static void
test_stdin (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *big = g_strnfill (5000, 'x');

  docs = read_stdin (f, "\n  {\"id\": \"s1\", \"text\": \"Un.\"}\n{\"text\": \"Deux.\"}\n", -1,
                     TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[0]), ==, "s1");
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[1]), ==, "-:3");
  assert_text (docs->pdata[1], "Deux.");
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = read_stdin (f, "  Plain text, {not JSON}.\r\n", -1, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[0]), ==, "-");
  assert_text (docs->pdata[0], "  Plain text, {not JSON}.\n");
  g_assert_true (has_repair (docs->pdata[0], "crlf"));
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = read_stdin (f, "{\"text\": \"forced\"}", -1, TAMIS_INPUT_TEXT, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  assert_text (docs->pdata[0], "{\"text\": \"forced\"}");
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = read_stdin (f, "", 0, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  assert_failed (docs->pdata[0], "empty", "standard input");
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = read_stdin (f, big, -1, TAMIS_INPUT_AUTO, 1000);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[0]), ==, "-");
  assert_failed (docs->pdata[0], "too-large", "1000 bytes");
}

static void
test_several_inputs (Fixture *f, gconstpointer data)
{
  g_autofree char *one = g_build_filename (f->dir, "one.txt", NULL);
  g_autofree char *dir = g_build_filename (f->dir, "corpus", NULL);
  const char *inputs[] = { one, dir, one, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisReader) reader = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  TamisDoc *doc;

  put (f->dir, "one.txt", "Un.", -1);
  put (f->dir, "corpus/en/a.txt", "Meta spends.", -1);
  put (f->dir, "corpus/fr/b.txt", "Meta dépense.", -1);

  reader = tamis_reader_new (inputs, TAMIS_INPUT_AUTO, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tamis_reader_get_total_bytes (reader), ==, 3 + 12 + 14 + 3);
  while ((doc = tamis_reader_next (reader, &error)) != NULL)
    {
      g_ptr_array_add (ids, g_strdup (tamis_doc_get_id (doc)));
      tamis_doc_free (doc);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpstr (ids->pdata[0], ==, one);
  g_assert_cmpstr (ids->pdata[1], ==, "en/a.txt");
  g_assert_cmpstr (ids->pdata[2], ==, "fr/b.txt");
  g_assert_cmpstr (ids->pdata[3], ==, one);
  g_assert_cmpuint (tamis_reader_get_bytes_read (reader), ==, 32);
}

/* Metadata are kept as the record wrote them, white space dropped:
 * numbers exactly, keys in order; a key spelt with escapes or written
 * twice still means what a parser reads. */
static void
test_jsonl_meta (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = g_build_filename (f->dir, "meta.jsonl", NULL);
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TamisDoc *doc;
  gsize len = 0;

  g_string_append (input, "{\"id\": \"n\", \"score\": 0.9962, \"text\": \"Un.\", \"v\": 1.2450000000000001, "
                          "\"big\": 12345678901234567890123, \"x\": 35100000000.0, "
                          "\"nested\": { \"a\" : [1, 2.50, \"s p\\\"\"] }, \"e\": \"caf\\u00e9\"}\n");
  g_string_append (input, "{\"id\": \"plain\", \"text\": \"Deux.\"}\n");
  g_string_append (input, "{\"id\": \"dup\", \"text\": \"Trois.\", \"k\": 1, \"k\": 2}\n");
  g_string_append (input, "{\"id\": \"esc\", \"te\\u0078t\": \"Quatre.\", \"m\": 1}\n");
  g_string_append (input, "{\"id\": null, \"text\": \"Cinq.\"}\n");
  g_string_append (input, "{\"id\": \"deep\", \"text\": \"Six.\", \"m\": [[[[1]]]]}\n");
  g_string_append (input, "{\"id\": \"after\", \"text\": \"Sept.\"} trailing\n");
  put (f->dir, "meta.jsonl", input->str, input->len);

  {
    const char *const inputs[] = { path, NULL };
    g_autoptr(TamisReader) reader = tamis_reader_new (inputs, TAMIS_INPUT_AUTO, 0, &error);

    g_assert_no_error (error);
    tamis_reader_set_max_depth (reader, 4);
    docs = g_ptr_array_new_with_free_func ((GDestroyNotify) tamis_doc_free);
    while ((doc = tamis_reader_next (reader, &error)) != NULL)
      g_ptr_array_add (docs, doc);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (docs->len, ==, 7);

  doc = docs->pdata[0];
  g_assert_cmpstr (tamis_doc_get_meta_json (doc, &len), ==,
                   "{\"score\":0.9962,\"v\":1.2450000000000001,\"big\":12345678901234567890123,"
                   "\"x\":35100000000.0,\"nested\":{\"a\":[1,2.50,\"s p\\\"\"]},\"e\":\"caf\\u00e9\"}");
  g_assert_cmpuint (len, ==, strlen (tamis_doc_get_meta_json (doc, NULL)));
  g_assert_cmpstr (tamis_doc_get_meta (doc, "e"), ==, "café");
  g_assert_null (tamis_doc_get_meta (doc, "score"));

  /* changed by a program: the other members stay as written */
  tamis_doc_set_meta_string (doc, "e", "neuf \"cité\"\n");
  g_assert_true (tamis_doc_set_meta_json (doc, "tags", " [ \"a\" ,  2.50 ] ", &error));
  g_assert_no_error (error);
  g_assert_false (tamis_doc_set_meta_json (doc, "bad", "[1,", &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (tamis_doc_set_meta_json (doc, "bad", "1 2", &error));
  g_clear_error (&error);
  g_assert_false (tamis_doc_set_meta_json (doc, "bad", "", &error));
  g_clear_error (&error);
  g_assert_true (tamis_doc_set_meta_json (doc, "n", "42", &error));
  g_assert_no_error (error);
  g_assert_true (tamis_doc_set_meta_json (doc, "n", "-0.50e3 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tamis_doc_get_meta_json (doc, NULL), ==,
                   "{\"score\":0.9962,\"v\":1.2450000000000001,\"big\":12345678901234567890123,"
                   "\"x\":35100000000.0,\"nested\":{\"a\":[1,2.50,\"s p\\\"\"]},"
                   "\"e\":\"neuf \\\"cité\\\"\\n\",\"tags\":[\"a\",2.50],\"n\":-0.50e3}");
  g_assert_cmpstr (tamis_doc_get_meta (doc, "e"), ==, "neuf \"cité\"\n");

  g_assert_null (tamis_doc_get_meta_json (docs->pdata[1], NULL));
  g_assert_cmpstr (tamis_doc_get_meta_json (docs->pdata[2], NULL), ==, "{\"k\":2}");
  assert_text (docs->pdata[3], "Quatre.");
  g_assert_cmpstr (tamis_doc_get_meta_json (docs->pdata[3], NULL), ==, "{\"m\":1}");
  /* an id that is not a string or an integer stays in the metadata */
  g_assert_cmpstr (tamis_doc_get_meta_json (docs->pdata[4], NULL), ==, "{\"id\":null}");
  assert_failed (docs->pdata[5], "too-deep", "meta.jsonl:6: nested deeper than 4 levels");
  assert_failed (docs->pdata[6], "bad-json", "meta.jsonl:7: not JSON");
}

/* Ids from file names are always UTF-8: the bytes that are not, and '%'
 * in such names, are written %XX. */
static void
test_escaped_names (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "names", NULL);
  gboolean escaped;
  char *id;

  id = tamis_reader_escape_name ("café 100%.txt", &escaped);
  g_assert_cmpstr (id, ==, "café 100%.txt");
  g_assert_false (escaped);
  g_free (id);
  id = tamis_reader_escape_name ("caf\xe9 100%.txt", &escaped);
  g_assert_cmpstr (id, ==, "caf%E9 100%25.txt");
  g_assert_true (escaped);
  g_free (id);
  id = tamis_reader_escape_name ("\xc3\xa9\xc3\x28\xff", &escaped);
  g_assert_cmpstr (id, ==, "é%C3(%FF");
  g_free (id);

  put (f->dir, "names/caf\xe9.txt", "Un café.", -1);
  put (f->dir, "names/lines\xff.jsonl", "{\"text\": \"Un.\"}\n{\"id\": \"own\", \"text\": \"Deux.\"}\n", -1);
  docs = read_all (dir, TAMIS_INPUT_AUTO, 0);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[0]), ==, "caf%E9.txt");
  g_assert_true (has_repair (docs->pdata[0], "id-escaped"));
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[1]), ==, "lines%FF.jsonl:1");
  g_assert_true (has_repair (docs->pdata[1], "id-escaped"));
  g_assert_cmpstr (tamis_doc_get_id (docs->pdata[2]), ==, "own");
  g_assert_false (has_repair (docs->pdata[2], "id-escaped"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reader/bad-text-files", test_bad_text_files);
  ADD ("/reader/directory-order", test_directory_order);
  ADD ("/reader/jsonl", test_jsonl);
  ADD ("/reader/jsonl-huge-line", test_jsonl_huge_line);
  ADD ("/reader/jsonl-bom", test_jsonl_bom);
  ADD ("/reader/forced-format", test_forced_format);
  ADD ("/reader/missing-input", test_missing_input);
  ADD ("/reader/read-errors", test_read_errors);
  ADD ("/reader/unreadable-file", test_unreadable_file);
  ADD ("/reader/stdin", test_stdin);
  ADD ("/reader/several-inputs", test_several_inputs);
  ADD ("/reader/jsonl-meta", test_jsonl_meta);
  ADD ("/reader/escaped-names", test_escaped_names);
#undef ADD

  return g_test_run ();
}
