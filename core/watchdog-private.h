/* tamis — the watchdog of a threaded run: it reports the documents that run
 * over the time limit, which threads cannot enforce. */
#pragma once

#include <tamis/document.h>

G_BEGIN_DECLS

typedef struct _TamisWatchdog TamisWatchdog;

/* Starts a thread that checks @n_watches workers against a limit of
 * @seconds per document. Returns NULL when @seconds is 0: then nothing
 * runs, and the calls below do nothing with NULL. */
TamisWatchdog *tamis_watchdog_new (double seconds, guint n_watches);

/* Stops the thread; the workers are done with their watches. */
void tamis_watchdog_free (TamisWatchdog *watchdog);

/* The calling thread starts on @doc under watch @index (one thread per
 * watch at a time): @doc is loaded if pending, then its time starts and
 * its stages are followed. */
void tamis_watchdog_begin (TamisWatchdog *watchdog, guint index, TamisDoc *doc);

/* The calling thread is done with @doc, which must not be touched by the
 * watchdog any more. */
void tamis_watchdog_end (TamisWatchdog *watchdog, guint index);

G_END_DECLS
