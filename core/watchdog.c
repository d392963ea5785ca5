/* tamis — the watchdog of a threaded run.
 *
 * A thread cannot be stopped safely from outside, so without isolation a
 * document that runs over limits: document_seconds is not stopped: it is
 * reported on standard error, once, while it runs, naming the stage it is
 * in. Each worker publishes the document it is on in a watch of its own;
 * one thread looks at the watches at a coarse interval. None of this
 * exists when there is no limit. */
#include "config.h"

#include <string.h>

#include "document-private.h"
#include "pipeline-private.h"
#include "tsan-private.h"
#include "watchdog-private.h"

/* How many looks per limit, within these bounds (µs). */
#define LOOKS_PER_LIMIT 4
#define LOOK_MIN (G_USEC_PER_SEC / 20)
#define LOOK_MAX G_USEC_PER_SEC

/* Document ids are quoted up to this many bytes. */
#define ID_EXCERPT 80

typedef struct {
  GMutex lock;
  TamisDoc *doc;     /* NULL when idle */
  const char *stage; /* the pipeline's label, NULL between stages */
  gint64 started;
  gboolean reported;
} Watch;

struct _TamisWatchdog {
  gint64 limit; /* µs */
  Watch *watches;
  guint n_watches;
  GMutex lock; /* over stop, for the wait */
  GCond cond;
  gboolean stop;
  GThread *thread;
};

static void
on_stage (const char *stage, gpointer data)
{
  Watch *watch = data;

  tamis_mutex_lock (&watch->lock);
  watch->stage = stage;
  tamis_mutex_unlock (&watch->lock);
}

void
tamis_watchdog_begin (TamisWatchdog *watchdog, guint index, TamisDoc *doc)
{
  Watch *watch;

  if (watchdog == NULL)
    return;
  /* Loading a pending document replaces its id: done first, the watchdog
   * reads only the final one. Its time starts with its stages, as in an
   * isolated worker. */
  tamis_doc_load (doc);
  watch = &watchdog->watches[index];
  tamis_mutex_lock (&watch->lock);
  watch->doc = doc;
  watch->stage = NULL;
  watch->started = g_get_monotonic_time ();
  watch->reported = FALSE;
  tamis_mutex_unlock (&watch->lock);
  tamis_pipeline_set_stage_hook (on_stage, watch);
}

void
tamis_watchdog_end (TamisWatchdog *watchdog, guint index)
{
  Watch *watch;

  if (watchdog == NULL)
    return;
  watch = &watchdog->watches[index];
  tamis_pipeline_set_stage_hook (NULL, NULL);
  tamis_mutex_lock (&watch->lock);
  watch->doc = NULL;
  tamis_mutex_unlock (&watch->lock);
}

/* Reports the document of @watch if it has run over the limit and was not
 * reported yet. */
static void
look (TamisWatchdog *watchdog, Watch *watch, gint64 now)
{
  g_autofree char *id = NULL;
  g_autofree char *stage = NULL;
  gint64 elapsed;

  tamis_mutex_lock (&watch->lock);
  elapsed = now - watch->started;
  if (watch->doc != NULL && !watch->reported && elapsed > watchdog->limit)
    {
      const char *full = tamis_doc_get_id (watch->doc);

      /* copied under the lock: the document is freed once it is done */
      id = g_utf8_make_valid (full, MIN (strlen (full), ID_EXCERPT));
      stage = g_strdup (watch->stage);
      watch->reported = TRUE;
    }
  tamis_mutex_unlock (&watch->lock);
  if (id == NULL)
    return;
  g_printerr ("tamis: warning: document '%s%s' has run over %g s (limits: document_seconds), "
              "%s%s; a thread cannot be stopped safely, so the run waits for it: "
              "--isolate enforces the limit\n",
              id, strlen (id) >= ID_EXCERPT ? "…" : "", watchdog->limit / 1e6,
              stage ? "now in " : "between stages", stage ? stage : "");
}

static gpointer
watch_thread (gpointer data)
{
  TamisWatchdog *watchdog = data;
  gint64 interval = CLAMP (watchdog->limit / LOOKS_PER_LIMIT, LOOK_MIN, LOOK_MAX);

  tamis_mutex_lock (&watchdog->lock);
  while (!watchdog->stop)
    {
      gint64 now;

      tamis_tsan_release (&watchdog->lock);
      g_cond_wait_until (&watchdog->cond, &watchdog->lock, g_get_monotonic_time () + interval);
      tamis_tsan_acquire (&watchdog->lock);
      if (watchdog->stop)
        break;
      tamis_mutex_unlock (&watchdog->lock);
      now = g_get_monotonic_time ();
      for (guint i = 0; i < watchdog->n_watches; i++)
        look (watchdog, &watchdog->watches[i], now);
      tamis_mutex_lock (&watchdog->lock);
    }
  tamis_mutex_unlock (&watchdog->lock);
  return NULL;
}

TamisWatchdog *
tamis_watchdog_new (double seconds, guint n_watches)
{
  TamisWatchdog *watchdog;

  if (seconds <= 0)
    return NULL;
  watchdog = g_new0 (TamisWatchdog, 1);
  watchdog->limit = seconds * G_USEC_PER_SEC;
  watchdog->n_watches = n_watches;
  watchdog->watches = g_new0 (Watch, n_watches);
  for (guint i = 0; i < n_watches; i++)
    g_mutex_init (&watchdog->watches[i].lock);
  g_mutex_init (&watchdog->lock);
  g_cond_init (&watchdog->cond);
  watchdog->thread = g_thread_new ("tamis-watchdog", watch_thread, watchdog);
  return watchdog;
}

void
tamis_watchdog_free (TamisWatchdog *watchdog)
{
  if (watchdog == NULL)
    return;
  tamis_mutex_lock (&watchdog->lock);
  watchdog->stop = TRUE;
  g_cond_signal (&watchdog->cond);
  tamis_mutex_unlock (&watchdog->lock);
  g_thread_join (watchdog->thread);
  for (guint i = 0; i < watchdog->n_watches; i++)
    g_mutex_clear (&watchdog->watches[i].lock);
  g_mutex_clear (&watchdog->lock);
  g_cond_clear (&watchdog->cond);
  g_free (watchdog->watches);
  g_free (watchdog);
}
