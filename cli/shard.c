/* tamis command-line tool — shards and their manifests. */
#include "config.h"

#include "shard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#define MANIFEST_SUFFIX ".manifest.json"

static gboolean
parse_uint (const char *text, guint64 max, guint64 *value)
{
  char *end;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoull (text, &end, 10);
  return errno == 0 && *end == '\0' && *value <= max;
}

gboolean
cli_shard_parse (const char *text, guint *index, guint *count, GError **error)
{
  guint64 i, n, first = 0;

  if (g_str_equal (text, "slurm"))
    {
      const char *id = g_getenv ("SLURM_ARRAY_TASK_ID");
      const char *total = g_getenv ("SLURM_ARRAY_TASK_COUNT");
      const char *min = g_getenv ("SLURM_ARRAY_TASK_MIN");

      if (id == NULL || total == NULL)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                       "--shard slurm: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are not "
                       "set (this is not a task of a Slurm job array)");
          return FALSE;
        }
      if (!parse_uint (id, G_MAXUINT32, &i) || !parse_uint (total, 1000000, &n)
          || (min != NULL && !parse_uint (min, G_MAXUINT32, &first)) || i < first
          || n == 0 || i - first >= n)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                       "--shard slurm: task %s of %s (from %s) is not a shard: the array must "
                       "be a range such as --array=0-7", id, total, min ? min : "0");
          return FALSE;
        }
      *index = i - first;
      *count = n;
      return TRUE;
    }

  {
    g_auto(GStrv) parts = g_strsplit (text, "/", 3);

    if (g_strv_length (parts) != 2 || !parse_uint (parts[0], G_MAXUINT32, &i)
        || !parse_uint (parts[1], 1000000, &n) || n == 0 || i >= n)
      {
        g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                     "--shard: '%s' is not I/N with 0 <= I < N <= 1000000 (such as 0/8), "
                     "nor slurm", text);
        return FALSE;
      }
  }
  *index = i;
  *count = n;
  return TRUE;
}

void
cli_manifest_clear (CliManifest *m)
{
  g_free (m->pipeline);
  g_strfreev (m->stages);
  g_free (m->format);
  g_free (m->output);
  g_free (m->output_sha256);
  g_free (m->summary);
  g_free (m->summary_sha256);
  memset (m, 0, sizeof *m);
}

char *
cli_manifest_path (const char *output)
{
  return g_strconcat (output, MANIFEST_SUFFIX, NULL);
}

/* The SHA-256 of a file, and its size; NULL when it cannot be read. */
static char *
file_sha256 (const char *path, guint64 *bytes)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *buf = g_malloc (1 << 20);
  FILE *f = fopen (path, "rb");
  size_t n;

  *bytes = 0;
  if (f == NULL)
    return NULL;
  while ((n = fread (buf, 1, 1 << 20, f)) > 0)
    {
      g_checksum_update (sum, (const guchar *) buf, n);
      *bytes += n;
    }
  if (ferror (f))
    {
      fclose (f);
      return NULL;
    }
  fclose (f);
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
cli_file_matches (const char *path, guint64 bytes, const char *sha256)
{
  guint64 size;
  g_autofree char *sum = NULL;

  if (sha256 == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  sum = file_sha256 (path, &size);
  return sum != NULL && size == bytes && g_str_equal (sum, sha256);
}

gboolean
cli_manifest_describe (CliManifest *m, const char *pipeline_file, TamisPipeline *pipeline,
                       const char *format, GError **error)
{
  g_autofree char *yaml = NULL;
  gsize len;
  guint n = tamis_pipeline_get_n_stages (pipeline);
  GStrvBuilder *stages = g_strv_builder_new ();

  if (!g_file_get_contents (pipeline_file, &yaml, &len, error))
    {
      g_strv_builder_unref (stages);
      return FALSE;
    }
  {
    g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) yaml, len);

    m->pipeline = g_strconcat ("sha256:", sum, NULL);
  }
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (stages, tamis_pipeline_get_stage_id (pipeline, i));
  m->stages = g_strv_builder_end (stages);
  g_strv_builder_unref (stages);
  m->format = g_strdup (format);
  return TRUE;
}

gboolean
cli_manifest_write (CliManifest *m, const char *output_path, const char *summary_path,
                    GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = cli_manifest_path (output_path);

  g_free (m->output_sha256);
  m->output_sha256 = file_sha256 (output_path, &m->output_bytes);
  if (m->output_sha256 == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: cannot read the output back",
                   output_path);
      return FALSE;
    }
  g_free (m->output);
  m->output = g_path_get_basename (output_path);
  if (summary_path != NULL)
    {
      guint64 bytes;

      g_free (m->summary_sha256);
      m->summary_sha256 = file_sha256 (summary_path, &bytes);
      g_free (m->summary);
      m->summary = g_path_get_basename (summary_path);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "tamis_shard");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "shard");
  json_builder_add_int_value (b, m->index);
  json_builder_set_member_name (b, "shards");
  json_builder_add_int_value (b, m->count);
  json_builder_set_member_name (b, "pipeline");
  json_builder_add_string_value (b, m->pipeline);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint i = 0; m->stages && m->stages[i]; i++)
    json_builder_add_string_value (b, m->stages[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, m->format);
  json_builder_set_member_name (b, "input_bytes");
  json_builder_add_int_value (b, m->input_bytes);
  json_builder_set_member_name (b, "documents");
  json_builder_add_int_value (b, m->documents);
  json_builder_set_member_name (b, "failed");
  json_builder_add_int_value (b, m->failed);
  json_builder_set_member_name (b, "output");
  json_builder_add_string_value (b, m->output);
  json_builder_set_member_name (b, "output_bytes");
  json_builder_add_int_value (b, m->output_bytes);
  json_builder_set_member_name (b, "output_sha256");
  json_builder_add_string_value (b, m->output_sha256);
  if (m->summary != NULL && m->summary_sha256 != NULL)
    {
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, m->summary);
      json_builder_set_member_name (b, "summary_sha256");
      json_builder_add_string_value (b, m->summary_sha256);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, TRUE);
  {
    g_autofree char *text = g_strconcat (json, "\n", NULL);

    return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
  }
}

static gboolean
member_uint (JsonObject *o, const char *key, guint64 *value)
{
  JsonNode *n = json_object_get_member (o, key);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64
      || json_node_get_int (n) < 0)
    return FALSE;
  *value = json_node_get_int (n);
  return TRUE;
}

static char *
member_string (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (n));
}

gboolean
cli_manifest_read (CliManifest *m, const char *path, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray *stages;
  guint64 version = 0, index = 0, count = 0;

  memset (m, 0, sizeof *m);
  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  o = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (o == NULL || !member_uint (o, "tamis_shard", &version) || version != 1
      || !member_uint (o, "shard", &index) || !member_uint (o, "shards", &count)
      || count == 0 || index >= count || count > 1000000
      || !json_object_has_member (o, "stages")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "stages"))
      || !member_uint (o, "input_bytes", &m->input_bytes)
      || !member_uint (o, "documents", &m->documents)
      || !member_uint (o, "failed", &m->failed)
      || !member_uint (o, "output_bytes", &m->output_bytes)
      || !(m->pipeline = member_string (o, "pipeline"))
      || !(m->format = member_string (o, "format"))
      || !(m->output = member_string (o, "output"))
      || !(m->output_sha256 = member_string (o, "output_sha256"))
      || strchr (m->output, '/') != NULL)
    {
      cli_manifest_clear (m);
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                   "%s: not a shard manifest written by tamis run --shard", path);
      return FALSE;
    }
  m->index = index;
  m->count = count;
  stages = json_object_get_array_member (o, "stages");
  {
    GStrvBuilder *sb = g_strv_builder_new ();

    for (guint i = 0; i < json_array_get_length (stages); i++)
      {
        const char *s = json_array_get_string_element (stages, i);
        g_strv_builder_add (sb, s ? s : "");
      }
    m->stages = g_strv_builder_end (sb);
    g_strv_builder_unref (sb);
  }
  m->summary = member_string (o, "summary");
  m->summary_sha256 = member_string (o, "summary_sha256");
  if (m->summary != NULL && strchr (m->summary, '/') != NULL)
    g_clear_pointer (&m->summary, g_free);
  return TRUE;
}
