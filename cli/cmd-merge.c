/* tamis merge — joins the parts of a run split with `tamis run --shard`
 * into what one run over the whole input writes. */
#include "config.h"

#include "cli.h"
#include "output.h"
#include "shard.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  CliManifest m;
  char *manifest_path;
  char *dir;            /* where the manifest and its part are */
} Part;

static void
part_free (gpointer data)
{
  Part *p = data;

  cli_manifest_clear (&p->m);
  g_free (p->manifest_path);
  g_free (p->dir);
  g_free (p);
}

/* The manifests named by an argument: a directory's *.manifest.json, a
 * manifest itself, or a part whose manifest is beside it. */
static gboolean
list_manifests (const char *arg, GPtrArray *paths, GError **error)
{
  if (g_file_test (arg, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (arg, 0, error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".manifest.json"))
          g_ptr_array_add (names, g_build_filename (arg, name, NULL));
      if (names->len == 0)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                       "%s: no shard manifest (*.manifest.json) in this directory", arg);
          return FALSE;
        }
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (paths, g_strdup (names->pdata[i]));
      return TRUE;
    }
  if (g_str_has_suffix (arg, ".manifest.json"))
    g_ptr_array_add (paths, g_strdup (arg));
  else
    {
      char *manifest = cli_manifest_path (arg);

      if (!g_file_test (manifest, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                       "%s: no manifest beside it (%s): was it written by tamis run --shard, "
                       "and did that run finish?", arg, manifest);
          g_free (manifest);
          return FALSE;
        }
      g_ptr_array_add (paths, manifest);
    }
  return TRUE;
}

static gboolean
same_strv (char **a, char **b)
{
  guint n = g_strv_length (a);

  if (n != g_strv_length (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return TRUE;
}

/* Refuses parts from different runs, and a set that is not every shard
 * once: says what differs, what is missing and what is there twice. */
static gboolean
check_parts (GPtrArray *parts, GError **error)
{
  const Part *first = parts->pdata[0];
  guint n = first->m.count;
  g_autofree guint *seen = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) twice = g_string_new (NULL);
  guint n_missing = 0;

  for (guint i = 1; i < parts->len; i++)
    {
      const Part *p = parts->pdata[i];
      const char *what = NULL;

      if (p->m.count != n)
        what = "the number of shards";
      else if (!g_str_equal (p->m.pipeline, first->m.pipeline))
        what = "the pipeline file";
      else if (!same_strv (p->m.stages, first->m.stages))
        what = "the plugin versions or options";
      else if (!g_str_equal (p->m.format, first->m.format))
        what = "the output format";
      else if (p->m.input_bytes != first->m.input_bytes)
        what = "the input (its size)";
      if (what != NULL)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                       "%s and %s are parts of different runs: %s differs",
                       first->manifest_path, p->manifest_path, what);
          return FALSE;
        }
    }
  seen = g_new0 (guint, n);
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *p = parts->pdata[i];

      if (seen[p->m.index]++ == 1)
        g_string_append_printf (twice, "%s%u", twice->len ? ", " : "", p->m.index);
    }
  for (guint i = 0; i < n; i++)
    if (seen[i] == 0 && n_missing++ < 20)
      g_string_append_printf (missing, "%s%u", missing->len ? ", " : "", i);
  if (n_missing > 20)
    g_string_append_printf (missing, " and %u more", n_missing - 20);
  if (n_missing > 0 || twice->len > 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "the %u shards are not all there once:%s%s%s%s",
                   n, n_missing ? " missing " : "", missing->str, twice->len ? "; twice: " : "",
                   twice->str);
      return FALSE;
    }
  return TRUE;
}

static gint
compare_index (gconstpointer a, gconstpointer b)
{
  const Part *x = *(Part *const *) a, *y = *(Part *const *) b;

  return x->m.index < y->m.index ? -1 : x->m.index > y->m.index;
}

/* Copies a part to @out; a table's header only from the first part. */
static gboolean
copy_part (GOutputStream *out, const char *path, gboolean skip_header, GError **error)
{
  g_autofree char *buf = g_malloc (1 << 20);
  FILE *f = fopen (path, "rb");
  gboolean in_header = skip_header;
  size_t n;

  if (f == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: cannot open: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  while ((n = fread (buf, 1, 1 << 20, f)) > 0)
    {
      const char *p = buf;

      if (in_header)
        {
          const char *nl = memchr (buf, '\n', n);

          if (nl == NULL)
            continue;
          in_header = FALSE;
          n -= nl + 1 - buf;
          p = nl + 1;
        }
      if (!g_output_stream_write_all (out, p, n, NULL, NULL, error))
        {
          fclose (f);
          return FALSE;
        }
    }
  if (ferror (f))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: read failed", path);
      fclose (f);
      return FALSE;
    }
  fclose (f);
  return TRUE;
}

static gboolean
merge_summaries (GPtrArray *parts, const char *summary_path, GError **error)
{
  g_autoptr(TamisSummary) total = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      const Part *p = parts->pdata[i];
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *sum = NULL;
      g_autoptr(TamisSummary) one = NULL;
      gsize len;

      if (p->m.summary == NULL)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                       "%s: the part has no summary (run the shards with --summary)",
                       p->manifest_path);
          return FALSE;
        }
      path = g_build_filename (p->dir, p->m.summary, NULL);
      if (!g_file_get_contents (path, &text, &len, error))
        return FALSE;
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, len);
      if (p->m.summary_sha256 == NULL || !g_str_equal (sum, p->m.summary_sha256))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                       "%s: changed since its manifest was written", path);
          return FALSE;
        }
      one = tamis_summary_new_from_json (text, len, error);
      if (one == NULL)
        return FALSE;
      if (total == NULL)
        total = g_steal_pointer (&one);
      else if (!tamis_summary_merge (total, one, error))
        return FALSE;
    }
  json = tamis_summary_to_json (total);
  if (g_str_equal (summary_path, "-"))
    return fputs (json, stdout) >= 0 && fflush (stdout) == 0;
  return g_file_set_contents_full (summary_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                   error);
}

int
cli_cmd_merge (int argc, char **argv)
{
  g_autofree char *output_path = NULL;
  g_autofree char *summary_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write the merged records to FILE, replaced only when complete (default: standard output)",
      "FILE" },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_path,
      "Also merge the parts' summaries into FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (part_free);
  CliOutput out = { 0 };
  guint64 docs = 0, failed = 0;
  gboolean table;

  context = cli_option_context_new ("merge", "DIR|PART…",
                                    "Joins the parts written by `tamis run --shard I/N -o PART` into the\n"
                                    "records one run over the whole input writes, in the same order.\n"
                                    "Each part has a manifest beside it (PART.manifest.json); a DIR\n"
                                    "stands for all the manifests in it. Refused, saying why, unless all\n"
                                    "N shards are there once, from the same pipeline, plugins and input.",
                                    entries);
  args = cli_parse (context, "merge", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  if (g_strv_length (args) < 2)
    {
      cli_error ("merge: name the parts or their directory");
      g_printerr ("Try 'tamis merge --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  for (guint i = 1; args[i] != NULL; i++)
    if (!list_manifests (args[i], paths, &error))
      {
        cli_error ("%s", error->message);
        return CLI_EXIT_USAGE;
      }
  for (guint i = 0; i < paths->len; i++)
    {
      Part *p = g_new0 (Part, 1);

      p->manifest_path = g_strdup (paths->pdata[i]);
      p->dir = g_path_get_dirname (p->manifest_path);
      g_ptr_array_add (parts, p);
      if (!cli_manifest_read (&p->m, p->manifest_path, &error))
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
    }
  if (!check_parts (parts, &error))
    {
      cli_error ("merge: %s", error->message);
      return CLI_EXIT_USAGE;
    }
  g_ptr_array_sort (parts, compare_index);
  table = g_str_equal (((Part *) parts->pdata[0])->m.format, "tsv")
          || g_str_equal (((Part *) parts->pdata[0])->m.format, "csv");
  if (!table && !g_str_equal (((Part *) parts->pdata[0])->m.format, "jsonl"))
    {
      cli_error ("merge: parts in the %s format cannot be joined (jsonl, tsv and csv can)",
                 ((Part *) parts->pdata[0])->m.format);
      return CLI_EXIT_USAGE;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = parts->pdata[i];
      g_autofree char *path = g_build_filename (p->dir, p->m.output, NULL);

      if (!cli_file_matches (path, p->m.output_bytes, p->m.output_sha256))
        {
          cli_error ("merge: %s is missing or changed since its manifest was written "
                     "(rerun shard %u)", path, p->m.index);
          return CLI_EXIT_USAGE;
        }
      docs += p->m.documents;
      failed += p->m.failed;
    }

  if (!cli_output_open (&out, output_path, &error))
    {
      cli_error ("%s", error->message);
      return cli_exit_status (error);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = parts->pdata[i];
      g_autofree char *path = g_build_filename (p->dir, p->m.output, NULL);

      if (!copy_part (out.stream, path, table && i > 0, &error))
        break;
    }
  if (error == NULL)
    cli_output_commit (&out, &error);
  cli_output_clear (&out);
  if (error == NULL && summary_path != NULL)
    merge_summaries (parts, summary_path, &error);
  if (error != NULL)
    {
      cli_error ("merge: %s", error->message);
      return cli_exit_status (error);
    }
  g_printerr ("tamis: merged %u shards: %" G_GUINT64_FORMAT " documents (%" G_GUINT64_FORMAT
              " failed)\n", parts->len, docs, failed);
  return failed > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
