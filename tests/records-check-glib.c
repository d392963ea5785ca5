/* Reads each file given as JSON records with json-glib: every line of a
 * JSON Lines file, or the whole file as one JSON document. Exits 1 naming
 * the first file json-glib cannot read (see tests/records-check.py, which
 * reads the same files with Python's json).
 *
 *   records-check-glib FILE... */
#include <json-glib/json-glib.h>
#include <string.h>

static gboolean
parses (JsonParser *parser, const char *text, gssize len)
{
  return json_parser_load_from_data (parser, text, len, NULL);
}

int
main (int argc, char **argv)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      gboolean lines_ok = TRUE;

      if (!g_file_get_contents (argv[i], &data, &len, NULL))
        {
          g_printerr ("%s: cannot read\n", argv[i]);
          return 1;
        }
      for (char *line = data, *nl; line < data + len && lines_ok; line = nl + 1)
        {
          nl = memchr (line, '\n', data + len - line);
          if (nl == NULL)
            nl = data + len;
          if (nl > line && !parses (parser, line, nl - line))
            lines_ok = FALSE;
        }
      if (!lines_ok && !parses (parser, data, len))
        {
          g_printerr ("%s: json-glib cannot read it\n", argv[i]);
          return 1;
        }
    }
  return 0;
}
