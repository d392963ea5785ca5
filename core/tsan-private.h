/* tamis — the core's hand-offs between threads, told to ThreadSanitizer.
 *
 * GLib is not built with -fsanitize=thread, and its GMutex, GCond and
 * GThreadPool queue are atomics and futexes that ThreadSanitizer does not
 * see: in a -fsanitize=thread build every document or formatter passed
 * from one thread to another would look like a race. The core takes its
 * locks through these wrappers and marks its other hand-offs, so that such
 * a build reports only real races; in any other build they are GLib's
 * calls and nothing more. */
#pragma once

#include <glib.h>

#if defined(__SANITIZE_THREAD__)
#define TAMIS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TAMIS_TSAN 1
#endif
#endif

#ifdef TAMIS_TSAN
#include <sanitizer/tsan_interface.h>
/* What one thread wrote before tamis_tsan_release (x) is seen by a thread
 * after its tamis_tsan_acquire (x). */
#define tamis_tsan_release(addr) __tsan_release ((void *) (addr))
#define tamis_tsan_acquire(addr) __tsan_acquire ((void *) (addr))
#else
#define tamis_tsan_release(addr) ((void) (addr))
#define tamis_tsan_acquire(addr) ((void) (addr))
#endif

static inline void
tamis_mutex_lock (GMutex *mutex)
{
  g_mutex_lock (mutex);
  tamis_tsan_acquire (mutex);
}

static inline void
tamis_mutex_unlock (GMutex *mutex)
{
  tamis_tsan_release (mutex);
  g_mutex_unlock (mutex);
}

/* g_cond_wait() unlocks and locks @mutex again. */
static inline void
tamis_cond_wait (GCond *cond, GMutex *mutex)
{
  tamis_tsan_release (mutex);
  g_cond_wait (cond, mutex);
  tamis_tsan_acquire (mutex);
}

/* g_cond_wait_until(): FALSE when @end_time passed first. */
static inline gboolean
tamis_cond_wait_until (GCond *cond, GMutex *mutex, gint64 end_time)
{
  gboolean signalled;

  tamis_tsan_release (mutex);
  signalled = g_cond_wait_until (cond, mutex, end_time);
  tamis_tsan_acquire (mutex);
  return signalled;
}
