/* tamis plugins --check — runs one plugin through the plugin contract.
 *
 * The parent process only loads the module, prints its declarations and
 * keeps the report: every check that runs plugin code runs in a forked
 * child, which tells the parent over a pipe what it is about to do ("B")
 * and what it found ("R"). A child that dies or stops answering is
 * reported against the item it had begun, and the parent goes on. */
#include "cli.h"
#include "plugin-check.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define CHECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHECK_ASAN 1
#endif
#endif

/* Growth of resident memory over the measured rounds that passes the
 * memory check: allocators and lazily filled caches settle within a few
 * megabytes, while a leak grows with every document. */
#define MEMORY_TOLERANCE (4 * 1024 * 1024)

enum {
  CHILD_DONE = 0,
  CHILD_NO_PIPELINE = 3,  /* the pipeline could not be built: stop */
};

typedef struct {
  /* the command line */
  char *module;
  char **withs;  /* KEY=VALUE */
  int threads;
  int timeout;
  gboolean quick;

  const TamisPluginEntry *entry;
  const TamisPlugin *plugin;
  char *module_dir;         /* put in plugin_path when checking a file */
  GPtrArray *upstream;      /* names of the stages that write what it reads */
  GPtrArray *docs;          /* CheckDoc */
  gboolean *skip;           /* docs that crashed or hung: left out of later rounds */

  /* the report, in the parent */
  guint n_ok, n_warn, n_fail;

  /* in a child: where it reports to */
  int fd;
} Checker;

/* ---- the report ---- */

static void
tally (Checker *c, const char *status, const char *text)
{
  if (g_str_equal (status, "ok"))
    c->n_ok++;
  else if (g_str_equal (status, "warn"))
    c->n_warn++;
  else
    c->n_fail++;
  g_print ("%-4s  %s\n", status, text);
}

static void G_GNUC_PRINTF (3, 4)
result (Checker *c, const char *status, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  tally (c, status, text);
}

/* ---- the child's side of the pipe ---- */

static void
send_line (Checker *c, const char *line)
{
  gsize length = strlen (line), done = 0;

  while (done < length)
    {
      ssize_t n = write (c->fd, line + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (1);
      done += n;
    }
}

/* One line of the protocol; messages from plugins may hold line breaks. */
static void G_GNUC_PRINTF (2, 3)
send (Checker *c, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  send_line (c, text);
  send_line (c, "\n");
}

/* "B": the child begins @label (the check's name in the report), which may
 * take @seconds; a crash is reported as "crashed @context". */
static void
begin (Checker *c, int seconds, int doc, const char *label, const char *context)
{
  send (c, "B %d %d %s\t%s", seconds, doc, label, context);
}

static void
end (Checker *c)
{
  send (c, "E");
}

/* "R": a line of the report. */
static void G_GNUC_PRINTF (3, 4)
report (Checker *c, const char *status, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  send (c, "R %s %s", status, text);
}

/* ---- pipelines ---- */

/* A YAML single-quoted scalar. */
static char *
yaml_quote (const char *text)
{
  g_autoptr(GString) s = g_string_new ("'");

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (s, '\'');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The pipeline: the upstream stages, then the plugin with the --with
 * options, less @key, which is set to the YAML text @value when given. */
static char *
pipeline_yaml (Checker *c, const char *key, const char *value)
{
  g_autoptr(GString) s = g_string_new ("tamis: 1\nname: plugin-check\n");
  gboolean any = FALSE;

  if (c->module_dir)
    {
      g_autofree char *dir = yaml_quote (c->module_dir);
      g_string_append_printf (s, "plugin_path: [%s]\n", dir);
    }
  g_string_append (s, "stages:\n");
  for (guint i = 0; i < c->upstream->len; i++)
    g_string_append_printf (s, "  - %s\n", (const char *) g_ptr_array_index (c->upstream, i));
  g_string_append_printf (s, "  - plugin: %s\n", c->plugin->name);
  for (guint i = 0; c->withs && c->withs[i]; i++)
    {
      const char *eq = strchr (c->withs[i], '=');
      g_autofree char *name = g_strndup (c->withs[i], eq - c->withs[i]);

      if (key && g_str_equal (name, key))
        continue;
      g_string_append_printf (s, "%s      %s: %s\n", any ? "" : "    with:\n", name, eq + 1);
      any = TRUE;
    }
  if (key)
    g_string_append_printf (s, "%s      %s: %s\n", any ? "" : "    with:\n", key, value);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static TamisPipeline *
new_pipeline (Checker *c, const char *key, const char *value, GError **error)
{
  g_autofree char *yaml = pipeline_yaml (c, key, value);

  return tamis_pipeline_new_from_data (yaml, -1, "plugin-check.yaml", tamis_registry_get_default (),
                                       error);
}

static TamisDoc *
doc_copy (const CheckDoc *d)
{
  /* The battery is valid UTF-8: this cannot fail. */
  return tamis_doc_new (d->name, d->text, d->length, NULL);
}

static const CheckDoc *
doc_at (Checker *c, guint i)
{
  return g_ptr_array_index (c->docs, i);
}

/* ---- the battery, one document at a time ---- */

/* What the plugin wrote, in a few words: "money 4, lang=en". */
static char *
describe_outputs (TamisPipeline *pipeline, TamisDoc *doc)
{
  guint last = tamis_pipeline_get_n_stages (pipeline) - 1;
  const char *const *writes = tamis_pipeline_get_stage_writes (pipeline, last);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; writes && writes[i]; i++)
    {
      const TamisLayer *layer = tamis_doc_get_layer (doc, writes[i]);
      TamisValue value;

      if (s->len > 0)
        g_string_append (s, ", ");
      if (layer)
        g_string_append_printf (s, "%s %u", writes[i], tamis_layer_get_n_spans (layer));
      else if (tamis_doc_get_attr (doc, writes[i], &value))
        {
          g_string_append_printf (s, "%s=", writes[i]);
          switch (value.type)
            {
            case TAMIS_VALUE_INT: g_string_append_printf (s, "%" G_GINT64_FORMAT, value.i); break;
            case TAMIS_VALUE_DOUBLE: g_string_append_printf (s, "%g", value.d); break;
            case TAMIS_VALUE_BOOL: g_string_append (s, value.b ? "true" : "false"); break;
            case TAMIS_VALUE_STRING: g_string_append_printf (s, "%.20s", value.s); break;
            default: g_string_append (s, "(JSON)"); break;
            }
        }
      else
        g_string_append_printf (s, "%s (none)", writes[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Reports how @doc came out of the pipeline; a failure of process() is a
 * warning, except on plain news. */
static void
report_doc (Checker *c, TamisPipeline *pipeline, const CheckDoc *d, TamisDoc *doc, const char *prefix)
{
  const char *code = tamis_doc_get_error_code (doc);
  const char *message = tamis_doc_get_error_message (doc);
  g_autofree char *own = g_strdup_printf ("stage %u (%s):", tamis_pipeline_get_n_stages (pipeline),
                                          c->plugin->name);

  if (code == NULL)
    {
      g_autofree char *outputs = describe_outputs (pipeline, doc);
      report (c, "ok", "%sdocument '%s': %s", prefix, d->name, outputs);
    }
  else if (g_str_equal (code, "plugin-contract"))
    report (c, "FAIL", "%sdocument '%s': breaks the plugin contract: %s", prefix, d->name, message);
  else if (!g_str_has_prefix (message, own))
    report (c, "warn", "%sdocument '%s': an upstream stage failed: %s", prefix, d->name, message);
  else if (d->news)
    report (c, "FAIL", "%sdocument '%s': process() fails on plain news: %s", prefix, d->name, message);
  else
    report (c, "warn", "%sdocument '%s': process() failed: %s", prefix, d->name, message);
}

static int
doc_seconds (Checker *c, const CheckDoc *d)
{
  /* A large document gets time in proportion, counting 2 MB per period. */
  return d->big ? c->timeout * (int) MAX (1, d->length / (2 * 1024 * 1024)) : c->timeout;
}

static TamisPipeline *
child_pipeline (Checker *c, gboolean quiet)
{
  g_autoptr(GError) error = NULL;
  TamisPipeline *pipeline;

  begin (c, c->timeout * 3, -1, "create", "in create()");
  pipeline = new_pipeline (c, NULL, NULL, &error);
  if (pipeline == NULL)
    {
      end (c);
      if (!quiet)
        report (c, "FAIL", "create: the pipeline cannot be built with the default options: %s",
                error->message);
      _exit (CHILD_NO_PIPELINE);
    }
  end (c);
  return pipeline;
}

static void
child_battery (Checker *c, gpointer data)
{
  guint first = GPOINTER_TO_UINT (data);
  TamisPipeline *pipeline = child_pipeline (c, first > 0);

  if (first == 0)
    {
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *chain = NULL;

      for (guint i = 0; i < tamis_pipeline_get_n_stages (pipeline); i++)
        g_strv_builder_add (names, tamis_plugin_entry_get_plugin (
                                     tamis_pipeline_get_stage (pipeline, i, NULL))->name);
      list = g_strv_builder_end (names);
      chain = g_strjoinv (" | ", list);
      report (c, "ok", "create: the pipeline %s builds", chain);
    }
  for (guint i = first; i < c->docs->len; i++)
    {
      const CheckDoc *d = doc_at (c, i);
      g_autofree char *label = g_strdup_printf ("document '%s'", d->name);
      g_autofree char *context = g_strdup_printf ("on document '%s'", d->name);
      g_autoptr(TamisDoc) doc = doc_copy (d);

      begin (c, doc_seconds (c, d), i, label, context);
      tamis_pipeline_process (pipeline, doc, NULL);
      report_doc (c, pipeline, d, doc, "");
      end (c);
    }
}

/* ---- threads ---- */

typedef struct {
  Checker *c;
  TamisPipeline *pipeline;
  char **reference;   /* the record of each document on one thread */
  GMutex lock;
  guint *differences; /* per document */
  guint n_runs;
} ThreadCheck;

static char *
record_of (TamisPipeline *pipeline, const CheckDoc *d)
{
  g_autoptr(TamisDoc) doc = doc_copy (d);

  tamis_pipeline_process (pipeline, doc, NULL);
  return tamis_doc_to_json (doc, NULL, FALSE, FALSE);
}

static void
thread_job (gpointer data, gpointer user_data)
{
  ThreadCheck *t = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  g_autofree char *record = record_of (t->pipeline, doc_at (t->c, i));

  g_mutex_lock (&t->lock);
  t->n_runs++;
  if (strcmp (record, t->reference[i]) != 0)
    t->differences[i]++;
  g_mutex_unlock (&t->lock);
}

/* Frees what the thread check made; the reference has holes (documents
 * left out), so it is freed entry by entry. */
static void
thread_check_clear (ThreadCheck *t, guint n_docs)
{
  for (guint i = 0; i < n_docs; i++)
    g_free (t->reference[i]);
  g_free (t->reference);
  g_free (t->differences);
  g_mutex_clear (&t->lock);
  tamis_pipeline_free (t->pipeline);
}

static void
child_threads (Checker *c, gpointer data)
{
  int rounds = c->quick ? 3 : 10;
  TamisPipeline *pipeline = child_pipeline (c, TRUE);
  ThreadCheck t = { c, pipeline, NULL, { 0 }, NULL, 0 };
  g_autoptr(GString) differing = g_string_new (NULL);
  g_autofree char *label = g_strdup_printf ("threads");
  g_autofree char *context = g_strdup_printf ("on %d threads", c->threads);
  GThreadPool *pool;
  guint n_docs = 0, n_differing = 0;

  t.reference = g_new0 (char *, c->docs->len + 1);
  t.differences = g_new0 (guint, c->docs->len);
  g_mutex_init (&t.lock);

  /* The reference, twice: a plugin whose output changes from one run to
   * the next on one thread would make any comparison meaningless. */
  begin (c, c->timeout * 2 * (int) c->docs->len, -1, label, "on one thread");
  for (guint i = 0; i < c->docs->len; i++)
    {
      const CheckDoc *d = doc_at (c, i);
      g_autofree char *again = NULL;

      if (d->big || c->skip[i])
        continue;
      n_docs++;
      t.reference[i] = record_of (pipeline, d);
      again = record_of (pipeline, d);
      if (strcmp (again, t.reference[i]) != 0)
        {
          report (c, "FAIL", "threads: output differs between two runs on one thread on document '%s': "
                  "it depends on earlier documents or on chance", d->name);
          end (c);
          thread_check_clear (&t, c->docs->len);
          return;
        }
    }
  end (c);

  begin (c, c->timeout * 2 * rounds, -1, label, context);
  pool = g_thread_pool_new (thread_job, &t, c->threads, FALSE, NULL);
  for (int r = 0; r < rounds; r++)
    for (guint i = 0; i < c->docs->len; i++)
      if (t.reference[i])
        g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  end (c);

  /* The first three name the rule well enough. */
  for (guint i = 0; i < c->docs->len; i++)
    if (t.differences[i])
      {
        if (n_differing < 3)
          g_string_append_printf (differing, "%s'%s' (%u of %d runs)", n_differing ? ", " : "",
                                  doc_at (c, i)->name, t.differences[i], rounds);
        n_differing++;
      }
  if (n_differing > 3)
    g_string_append_printf (differing, " and %u more", n_differing - 3);
  if (n_differing)
    report (c, "FAIL", "threads: output differs between 1 and %d threads on document%s %s: "
            "shared mutable state in process()?", c->threads, n_differing > 1 ? "s" : "",
            differing->str);
  else
    report (c, "ok", "threads: %u documents, %d rounds on %d threads: the same records as on one thread%s",
            n_docs, rounds, c->threads,
            c->plugin->flags & TAMIS_PLUGIN_SERIAL ? " (serial plugin: run one document at a time)" : "");
  thread_check_clear (&t, c->docs->len);
}

/* ---- memory ---- */

/* The resident set size in bytes, 0 when unknown. */
static guint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%llu %llu", &size, &resident) != 2)
    return 0;
  return (guint64) resident * (guint64) sysconf (_SC_PAGESIZE);
}

static void
child_memory (Checker *c, gpointer data)
{
  /* The first rounds fill caches and the allocator's pools: the growth is
   * measured from the end of round @warm to the end of the last. */
  int rounds = c->quick ? 8 : 20, warm = c->quick ? 2 : 4;
  TamisPipeline *pipeline = child_pipeline (c, TRUE);
  guint64 base = 0, last = 0;
  guint n_docs = 0;

#ifdef CHECK_ASAN
  report (c, "warn", "memory: skipped: this tamis is built with AddressSanitizer, whose quarantine "
          "keeps freed memory resident");
  return;
#endif
  if (resident_bytes () == 0)
    {
      report (c, "warn", "memory: skipped: /proc/self/statm cannot be read here");
      return;
    }
  for (guint i = 0; i < c->docs->len; i++)
    if (!doc_at (c, i)->big && !c->skip[i])
      n_docs++;

  begin (c, c->timeout * 2 * rounds, -1, "memory", "during the memory rounds");
  for (int r = 1; r <= rounds; r++)
    {
      for (guint i = 0; i < c->docs->len; i++)
        {
          const CheckDoc *d = doc_at (c, i);
          g_autoptr(TamisDoc) doc = NULL;

          if (d->big || c->skip[i])
            continue;
          doc = doc_copy (d);
          tamis_pipeline_process (pipeline, doc, NULL);
          g_free (tamis_doc_to_json (doc, NULL, FALSE, FALSE));
        }
      if (r == warm)
        base = resident_bytes ();
    }
  last = resident_bytes ();
  end (c);

  if (last > base + MEMORY_TOLERANCE)
    report (c, "FAIL", "memory: resident memory grew by %.1f MB over rounds %d to %d of %u documents "
            "(about %" G_GUINT64_FORMAT " KB per document; tolerance %d MB): a leak in process()?",
            (last - base) / 1048576.0, warm + 1, rounds, n_docs,
            (last - base) / 1024 / ((guint64) (rounds - warm) * MAX (n_docs, 1)),
            MEMORY_TOLERANCE / 1048576);
  else
    report (c, "ok", "memory: %d rounds of %u documents; resident memory %.1f MB after round %d, "
            "%.1f MB after round %d (tolerance +%d MB)", rounds, n_docs, base / 1048576.0, warm,
            last / 1048576.0, rounds, MEMORY_TOLERANCE / 1048576);
}

/* ---- options ---- */

typedef struct {
  const TamisOption *option;
  char *value;        /* YAML text */
  const char *outside; /* why the core must refuse it, NULL when it is allowed */
} OddValue;

static void
odd_value_free (gpointer data)
{
  OddValue *v = data;

  g_free (v->value);
  g_free (v);
}

static void
add_value (GPtrArray *values, const TamisOption *option, const char *outside, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
add_value (GPtrArray *values, const TamisOption *option, const char *outside, const char *format, ...)
{
  OddValue *v = g_new0 (OddValue, 1);
  va_list args;

  va_start (args, format);
  v->value = g_strdup_vprintf (format, args);
  va_end (args);
  v->option = option;
  v->outside = outside;
  for (guint i = 0; i < values->len; i++)
    {
      const OddValue *other = g_ptr_array_index (values, i);
      if (other->option == option && g_str_equal (other->value, v->value))
        {
          odd_value_free (v);
          return;
        }
    }
  g_ptr_array_add (values, v);
}

/* An integer option takes no decimal point. */
static void
add_number (GPtrArray *values, const TamisOption *option, const char *outside, double x)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (option->type == TAMIS_OPTION_INT)
    g_snprintf (text, sizeof text, "%.0f", x);
  else
    g_ascii_formatd (text, sizeof text, "%g", x);
  add_value (values, option, outside, "%s", text);
}

static gboolean
number_in_range (const TamisOption *o, double x)
{
  return (o->min == NULL || x >= g_ascii_strtod (o->min, NULL)) &&
         (o->max == NULL || x <= g_ascii_strtod (o->max, NULL));
}

/* Values of the right type that plugins do not expect, and values that
 * break the declared range or choices, which the core must refuse. */
static void
odd_values (const TamisOption *o, GPtrArray *values)
{
  gboolean integer = o->type == TAMIS_OPTION_INT;

  switch (o->type)
    {
    case TAMIS_OPTION_STRING:
      for (guint i = 0; o->choices && o->choices[i]; i++)
        {
          g_autofree char *q = yaml_quote (o->choices[i]);
          add_value (values, o, NULL, "%s", q);
        }
      if (o->choices)
        {
          add_value (values, o, "choices", "''");
          add_value (values, o, "choices", "'not-a-choice'");
        }
      else
        {
          add_value (values, o, NULL, "''");
          add_value (values, o, NULL, "' é 😀 '");
          add_value (values, o, NULL, "'%s'", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        }
      break;
    case TAMIS_OPTION_INT:
    case TAMIS_OPTION_DOUBLE:
      {
        double large = integer ? 2147483647.0 : 1e9;

        if (number_in_range (o, 0))
          add_value (values, o, NULL, "0");
        if (o->min)
          add_value (values, o, NULL, "%s", o->min);
        if (o->max)
          add_value (values, o, NULL, "%s", o->max);
        else if (number_in_range (o, large))
          add_number (values, o, NULL, large);
        if (!integer && number_in_range (o, 0.5))
          add_value (values, o, NULL, "0.5");
        if (o->min)
          add_number (values, o, "range", g_ascii_strtod (o->min, NULL) - 1);
        if (o->max)
          add_number (values, o, "range", g_ascii_strtod (o->max, NULL) + 1);
        break;
      }
    case TAMIS_OPTION_BOOL:
      add_value (values, o, NULL, "true");
      add_value (values, o, NULL, "false");
      break;
    case TAMIS_OPTION_LIST:
      add_value (values, o, NULL, "[]");
      for (guint i = 0; o->choices && o->choices[i]; i++)
        {
          g_autofree char *q = yaml_quote (o->choices[i]);
          add_value (values, o, NULL, "[%s]", q);
        }
      if (o->choices)
        add_value (values, o, "choices", "['not-a-choice']");
      else
        {
          add_value (values, o, NULL, "['']");
          add_value (values, o, NULL, "['zz', 'zz']");
        }
      break;
    case TAMIS_OPTION_PATH:
      add_value (values, o, NULL, "'/nonexistent/tamis-plugin-check/missing.txt'");
      add_value (values, o, NULL, "''");
      add_value (values, o, NULL, "'/'");
      break;
    case TAMIS_OPTION_MAPPING:
      add_value (values, o, NULL, "{}");
      break;
    default:
      break;
    }
}

static void
child_option (Checker *c, gpointer data)
{
  const OddValue *v = data;
  /* A long value is shown by its start and its length. */
  /* g_utf8_substring() reads past a string shorter than its end */
  glong n_chars = g_utf8_strlen (v->value, -1);
  g_autofree char *start = n_chars > 40 ? g_utf8_substring (v->value, 0, 24) : NULL;
  g_autofree char *shown = n_chars <= 40 ? g_strdup (v->value)
                                         : g_strdup_printf ("%s… (%zu bytes)", start, strlen (v->value));
  g_autofree char *label = g_strdup_printf ("option %s=%s", v->option->name, shown);
  g_autofree char *context = g_strdup_printf ("with %s=%s", v->option->name, shown);
  g_autoptr(GError) error = NULL;
  TamisPipeline *pipeline;

  begin (c, c->timeout * 3, -1, label, context);
  pipeline = new_pipeline (c, v->option->name, v->value, &error);
  end (c);
  if (pipeline == NULL)
    {
      if (strstr (error->message, "failed without saying why"))
        report (c, "FAIL", "%s: create() returned NULL without setting an error (%s)", label,
                error->message);
      else if (v->outside)
        report (c, "ok", "%s: outside the declared %s, refused: %s", label, v->outside, error->message);
      else
        report (c, "ok", "%s: refused with an error: %s", label, error->message);
      return;
    }
  if (v->outside)
    {
      report (c, "FAIL", "%s: outside the declared %s, yet accepted", label, v->outside);
      return;
    }
  /* Created: it must also run. */
  for (guint i = 0; i < c->docs->len; i++)
    {
      const CheckDoc *d = doc_at (c, i);
      g_autoptr(TamisDoc) doc = NULL;
      g_autofree char *doc_context = NULL;
      g_autofree char *prefix = NULL;

      if (!d->news)
        continue;
      doc_context = g_strdup_printf ("on document '%s' %s", d->name, context);
      prefix = g_strdup_printf ("%s: accepted; ", label);
      begin (c, doc_seconds (c, d), -1, label, doc_context);
      doc = doc_copy (d);
      tamis_pipeline_process (pipeline, doc, NULL);
      end (c);
      report_doc (c, pipeline, d, doc, prefix);
    }
}

/* ---- the parent's side ---- */

typedef void (*ChildFunc) (Checker *c, gpointer data);

typedef struct {
  gboolean broken;   /* crashed or hung */
  int broken_doc;    /* the document it was on, or -1 */
  int status;        /* the child's exit status when it exited */
} ChildOutcome;

static char *
describe_wait (int wstatus)
{
  if (WIFSIGNALED (wstatus))
    return g_strdup_printf ("signal %d: %s", WTERMSIG (wstatus), g_strsignal (WTERMSIG (wstatus)));
  return g_strdup_printf ("exit status %d", WEXITSTATUS (wstatus));
}

/* Runs @func in a child, printing what it reports. */
static ChildOutcome
run_child (Checker *c, ChildFunc func, gpointer data)
{
  ChildOutcome outcome = { FALSE, -1, 0 };
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *context = NULL;
  gint64 deadline = -1;
  int limit = 0;
  int fds[2];
  int wstatus = 0;
  gboolean timed_out = FALSE;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      close (fds[0]);
      c->fd = fds[1];
      func (c, data);
      /* _exit: no atexit handlers, no stdio buffers of the parent. */
      _exit (CHILD_DONE);
    }
  close (fds[1]);

  for (;;)
    {
      char buffer[4096];
      ssize_t n;
      char *newline;
      int wait_ms = -1;

      if (deadline >= 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            {
              timed_out = TRUE;
              kill (pid, SIGKILL);
              break;
            }
          wait_ms = (int) MIN (left / 1000 + 1, G_MAXINT);
        }
      {
        struct pollfd p = { fds[0], POLLIN, 0 };
        int ready = poll (&p, 1, wait_ms);
        if (ready < 0 && errno == EINTR)
          continue;
        if (ready == 0)
          continue;
      }
      n = read (fds[0], buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (pending, buffer, n);
      while ((newline = strchr (pending->str, '\n')))
        {
          g_autofree char *line = g_strndup (pending->str, newline - pending->str);

          g_string_erase (pending, 0, newline - pending->str + 1);
          if (line[0] == 'B')
            {
              int doc = -1, consumed = 0;
              char *tab;

              sscanf (line, "B %d %d %n", &limit, &doc, &consumed);
              tab = strchr (line + consumed, '\t');
              g_free (label);
              g_free (context);
              label = g_strndup (line + consumed, tab ? (gsize) (tab - line - consumed) : strlen (line + consumed));
              context = g_strdup (tab ? tab + 1 : "");
              outcome.broken_doc = doc;
              deadline = g_get_monotonic_time () + (gint64) limit * G_USEC_PER_SEC;
            }
          else if (line[0] == 'E')
            {
              g_clear_pointer (&label, g_free);
              outcome.broken_doc = -1;
              deadline = -1;
            }
          else if (line[0] == 'R' && line[1] == ' ')
            {
              char *space = strchr (line + 2, ' ');
              if (space)
                {
                  *space = '\0';
                  tally (c, line + 2, space + 1);
                }
            }
        }
    }
  close (fds[0]);
  while (waitpid (pid, &wstatus, 0) < 0 && errno == EINTR)
    ;

  if (timed_out)
    {
      outcome.broken = TRUE;
      result (c, "FAIL", "%s: no answer after %d s %s: it hangs (the limit is --timeout)",
              label, limit, context);
    }
  else if (label != NULL)
    {
      /* It died between "begin" and "end". */
      g_autofree char *how = describe_wait (wstatus);
      outcome.broken = TRUE;
      result (c, "FAIL", "%s: crashed %s (%s)", label, context, how);
    }
  else if (!WIFEXITED (wstatus) ||
           (WEXITSTATUS (wstatus) != CHILD_DONE && WEXITSTATUS (wstatus) != CHILD_NO_PIPELINE))
    {
      g_autofree char *how = describe_wait (wstatus);
      outcome.broken = TRUE;
      result (c, "FAIL", "the checking process ended unexpectedly (%s)", how);
    }
  outcome.status = WIFEXITED (wstatus) ? WEXITSTATUS (wstatus) : -1;
  if (!outcome.broken)
    outcome.broken_doc = -1;
  return outcome;
}

/* ---- what it reads ---- */

static gboolean
writes_name (const TamisPlugin *plugin, const char *name)
{
  for (const TamisOutput *w = plugin->writes; w && w->name; w++)
    if (g_str_equal (w->name, name))
      return TRUE;
  return FALSE;
}

/* Adds to c->upstream, in an order that runs, stages that write @name and
 * what they read in turn. */
static gboolean
provide (Checker *c, GPtrArray *found, GHashTable *provided, const char *name, guint depth,
         GString *unmet)
{
  if (g_hash_table_contains (provided, name))
    return TRUE;
  for (guint i = 0; depth < 8 && i < found->len; i++)
    {
      const TamisPlugin *p = tamis_plugin_entry_get_plugin (g_ptr_array_index (found, i));
      gboolean ok = TRUE;

      if (g_str_equal (p->name, c->plugin->name) || !writes_name (p, name))
        continue;
      for (const char *const *r = p->reads; r && *r; r++)
        ok = ok && provide (c, found, provided, *r, depth + 1, unmet);
      if (!ok)
        return FALSE;
      g_ptr_array_add (c->upstream, g_strdup (p->name));
      for (const TamisOutput *w = p->writes; w && w->name; w++)
        g_hash_table_add (provided, (gpointer) w->name);
      return TRUE;
    }
  g_string_append_printf (unmet, "%s'%s'", unmet->len ? ", " : "", name);
  return FALSE;
}

static gboolean
resolve_reads (Checker *c)
{
  const char *extra[] = { c->module_dir, NULL };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) provided = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) unmet = g_string_new (NULL);
  g_autofree char *chain = NULL;

  if (c->plugin->reads == NULL || c->plugin->reads[0] == NULL)
    {
      result (c, "ok", "reads: nothing; the plugin runs alone");
      return TRUE;
    }
  found = tamis_registry_scan (tamis_registry_get_default (), c->module_dir ? extra : NULL, &errors);
  for (const char *const *r = c->plugin->reads; *r; r++)
    provide (c, found, provided, *r, 0, unmet);
  if (unmet->len)
    {
      result (c, "FAIL", "reads: no plugin on the search path writes %s; hint: --plugin-dir DIR with "
              "one that does ('tamis plugins -v' shows the search path)", unmet->str);
      return FALSE;
    }
  g_ptr_array_add (c->upstream, NULL);
  chain = g_strjoinv (", ", (char **) c->upstream->pdata);
  g_ptr_array_set_size (c->upstream, c->upstream->len - 1);
  {
    g_autofree char *reads = cli_join (c->plugin->reads, "");
    result (c, "ok", "reads: %s, written by the stage%s run before it: %s", reads,
            c->upstream->len > 1 ? "s" : "", chain);
  }
  return TRUE;
}

/* ---- the command ---- */

/* Whether a stage of @name resolves to the module that was loaded. */
static gboolean
same_module (const char *a, const char *b)
{
  g_autofree char *da = g_path_get_dirname (a);
  g_autofree char *db = g_path_get_dirname (b);
  g_autofree char *ba = g_path_get_basename (a);
  g_autofree char *bb = g_path_get_basename (b);
  char *dot;

  /* libtool: dir/NAME.la and dir/.libs/NAME.so are one module */
  if (g_str_has_suffix (da, "/.libs"))
    da[strlen (da) - 6] = '\0';
  if (g_str_has_suffix (db, "/.libs"))
    db[strlen (db) - 6] = '\0';
  if ((dot = strrchr (ba, '.')))
    *dot = '\0';
  if ((dot = strrchr (bb, '.')))
    *dot = '\0';
  return g_str_equal (da, db) && g_str_equal (ba, bb);
}

static gboolean
check_withs (Checker *c)
{
  for (guint i = 0; c->withs && c->withs[i]; i++)
    {
      const char *eq = strchr (c->withs[i], '=');
      g_autofree char *key = eq ? g_strndup (c->withs[i], eq - c->withs[i]) : NULL;
      gboolean known = FALSE;

      for (const TamisOption *o = c->plugin->options; key && o && o->name; o++)
        known = known || g_str_equal (o->name, key);
      if (eq == NULL || eq == c->withs[i])
        {
          cli_error ("plugins --check: --with wants KEY=VALUE, not '%s'", c->withs[i]);
          return FALSE;
        }
      if (!known)
        {
          cli_error ("plugins --check: plugin '%s' has no option '%s' ('tamis plugins %s' lists them)",
                     c->plugin->name, key, c->plugin->name);
          return FALSE;
        }
    }
  return TRUE;
}

static void
run_checks (Checker *c)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (odd_value_free);
  ChildOutcome outcome;
  guint first = 0;

  /* The battery; after a crash, on with the next document. */
  do
    {
      outcome = run_child (c, child_battery, GUINT_TO_POINTER (first));
      if (outcome.status == CHILD_NO_PIPELINE)
        return;
      if (outcome.broken && outcome.broken_doc < 0)
        return;  /* create() itself crashed or hung */
      if (outcome.broken)
        {
          c->skip[outcome.broken_doc] = TRUE;
          first = outcome.broken_doc + 1;
        }
    }
  while (outcome.broken && first < c->docs->len);

  run_child (c, child_threads, NULL);
  run_child (c, child_memory, NULL);

  for (const TamisOption *o = c->plugin->options; o && o->name; o++)
    odd_values (o, values);
  for (guint i = 0; i < values->len; i++)
    run_child (c, child_option, g_ptr_array_index (values, i));
}

int
cli_cmd_plugin_check (int argc, char **argv)
{
  g_auto(GStrv) plugin_dirs = NULL;
  g_auto(GStrv) withs = NULL;
  gboolean check_flag = FALSE;
  gboolean quick = FALSE;
  int threads = 8;
  int timeout = 10;
  const GOptionEntry entries[] = {
    { "check", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &check_flag, NULL, NULL },
    { "with", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &withs,
      "Set an option of the plugin, VALUE written as in a pipeline: '--with languages=[fr]' (repeatable)",
      "KEY=VALUE" },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
      "Compare the records made on N threads with those of one thread (default 8)", "N" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout,
      "Seconds a document may take before the plugin is said to hang (default 10; the large document "
      "gets more in proportion)", "SECONDS" },
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick,
      "Fewer rounds, and a large document of 1 MB instead of 10 MB", NULL },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable): where the stages it reads from are found", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upstream = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree gboolean *skip = NULL;
  g_autofree char *module_dir = NULL;
  TamisRegistry *registry;
  Checker c = { 0 };
  const char *module;

  context = cli_option_context_new (
      "plugins --check", "MODULE",
      "Checks a plugin against the plugin contract. MODULE is a module file\n"
      "(NAME.so, NAME.la) or the name of a plugin on the search path.\n"
      "\n"
      "The plugin runs with its default options (and those of --with) after\n"
      "the plugins that write what it reads, over a battery of awkward\n"
      "documents: empty, one character, 10 MB, CJK, Arabic, Hebrew, emoji,\n"
      "combining marks, every line ending, control characters, a 256 KB token,\n"
      "only punctuation, only spaces, French and English news. Each runs in a\n"
      "child process, so that a crash or a hang is reported with the document\n"
      "it happened on. Checks, one line each (ok, warn or FAIL):\n"
      "  document 'NAME'  no crash, no hang, no plugin-contract error; a\n"
      "                   process() failure is a warning, except on plain news\n"
      "  threads          the records on N threads are those of one thread\n"
      "  memory           resident memory stops growing after the first rounds\n"
      "                   (20 rounds, measured from round 4, tolerance 4 MB)\n"
      "  option KEY=V     odd values of each option: create() succeeds or fails\n"
      "                   with an error; values outside the declared range or\n"
      "                   choices are refused before create()\n"
      "\n"
      "Exit status: 0 when every check passes, 1 when one fails, 2 for a usage\n"
      "error or a module that cannot be loaded.",
      entries);
  args = cli_parse (context, "plugins --check", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  if (g_strv_length (args) != 2)
    {
      cli_error ("plugins --check: %s", args[1] ? "expects one module" : "missing the module to check");
      g_printerr ("Try 'tamis plugins --check --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  if (threads < 2 || threads > 256 || timeout < 1)
    {
      cli_error ("plugins --check: %s", threads < 2 || threads > 256
                                          ? "--threads must be between 2 and 256"
                                          : "--timeout must be at least 1 second");
      return CLI_EXIT_USAGE;
    }
  module = args[1];
  registry = cli_registry (plugin_dirs);

  /* A file name has a dot or a slash; a plugin name has neither. */
  if (strchr (module, '/') || strchr (module, '.'))
    {
      g_autofree char *path = g_canonicalize_filename (module, NULL);
      c.entry = tamis_registry_load_file (registry, path, &error);
      module_dir = g_path_get_dirname (path);
    }
  else
    c.entry = tamis_registry_load (registry, module, NULL, &error);
  if (c.entry == NULL)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  c.plugin = tamis_plugin_entry_get_plugin (c.entry);
  if (module_dir)
    {
      /* The pipeline finds the plugin by name: it must be this file. */
      const char *extra[] = { module_dir, NULL };
      const TamisPluginEntry *by_name = tamis_registry_load (registry, c.plugin->name, extra, &error);

      if (by_name == NULL ||
          !same_module (tamis_plugin_entry_get_path (by_name), tamis_plugin_entry_get_path (c.entry)))
        {
          cli_error ("plugins --check: the search path gives plugin '%s' from %s, not %s; hint: "
                     "the file must be named after its plugin, and no --plugin-dir or "
                     "$TAMIS_PLUGIN_PATH folder may hold another",
                     c.plugin->name, by_name ? tamis_plugin_entry_get_path (by_name) : "nowhere",
                     tamis_plugin_entry_get_path (c.entry));
          return CLI_EXIT_USAGE;
        }
    }
  c.module = (char *) module;
  c.withs = withs;
  c.threads = threads;
  c.timeout = timeout;
  c.quick = quick;
  c.module_dir = module_dir;
  c.upstream = upstream;
  if (!check_withs (&c))
    return CLI_EXIT_USAGE;

  cli_print_plugin (c.entry);
  g_print ("\nChecks (%s, %d threads, %d s per document):\n",
           quick ? "quick" : "thorough", threads, timeout);

  if (resolve_reads (&c))
    {
      docs = check_battery_new (quick ? 1024 * 1024 : 10 * 1024 * 1024);
      skip = g_new0 (gboolean, docs->len);
      c.docs = docs;
      c.skip = skip;
      run_checks (&c);
    }

  g_print ("\n%s %s: %u checks: %u ok, %u warn, %u FAIL: %s\n", c.plugin->name, c.plugin->version,
           c.n_ok + c.n_warn + c.n_fail, c.n_ok, c.n_warn, c.n_fail,
           c.n_fail ? "it breaks the contract" : "it passes");
  return c.n_fail ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
