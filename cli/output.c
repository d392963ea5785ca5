/* tamis command-line tool — output to stdout, or to a file replaced
 * atomically, with the signal handling that keeps a killed run from
 * leaving a temporary file behind. */
#include "config.h"

#include "cli.h"
#include "line-stream.h"
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

/* Read by the signal handler: a run stopped by a signal leaves no
 * temporary file, and a crash inside a plugin says where it happened. */
static volatile sig_atomic_t have_tmp;
static char tmp_path_for_signal[4096];

/* Every signal whose default action ends the process and that can be
 * caught; SIGKILL cannot, and the next run removes what it leaves. */
static const int fatal_signals[] = {
  SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ,
  SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS,
};

static void
say (const char *text)
{
  /* write(2) only: nothing else is safe in a signal handler */
  if (write (STDERR_FILENO, text, strlen (text)) < 0)
    return;
}

static void
on_fatal_signal (int sig)
{
  const char *stage = NULL, *doc = NULL;

  if (have_tmp)
    unlink (tmp_path_for_signal);
  tamis_pipeline_get_running (&stage, &doc);
  if (stage != NULL && sig != SIGINT && sig != SIGTERM && sig != SIGHUP && sig != SIGPIPE)
    {
      say ("tamis: ");
      say (sigdescr_np (sig) ? sigdescr_np (sig) : "fatal signal");
      say (" in ");
      say (stage);
      say (" on document '");
      say (doc ? doc : "?");
      say ("'; the run stops\n");
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
watch_signals (const char *tmp_path)
{
  struct sigaction sa;

  if (tmp_path != NULL && strlen (tmp_path) < sizeof tmp_path_for_signal)
    {
      memcpy (tmp_path_for_signal, tmp_path, strlen (tmp_path) + 1);
      have_tmp = 1;
    }
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      struct sigaction old;

      /* a signal ignored by whoever started tamis stays ignored */
      if (sigaction (fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (fatal_signals[i], &sa, NULL);
    }
}

/* Removes the temporary files that dead runs writing @path left beside
 * it (a run killed with SIGKILL cannot clean up): their names carry the
 * pid, and a pid that no longer exists is a dead run. */
static void
remove_stale_temporaries (const char *dir, const char *base)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.tamis-", base);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)))
    {
      guint64 pid;
      char *end = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoull (name + strlen (prefix), &end, 10);
      if (end == NULL || *end != '.' || pid == 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
    }
}


/* A regular file is written beside itself under a hidden temporary name and
 * renamed over the target on success, so that readers of FILE see the old
 * content or the whole new one, never a part. (g_file_replace() writes in
 * place when FILE does not exist yet, which a failed run would leave half
 * written.) Devices and pipes such as /dev/null are written directly. */
void
cli_output_watch_signals (void)
{
  watch_signals (NULL);
}

gboolean
cli_output_open (CliOutput *out, const char *path, GError **error)
{
  struct stat st;
  gboolean exists;

  out->fd = -1;
  if (path == NULL || g_str_equal (path, "-"))
    {
      watch_signals (NULL);
      out->stream = cli_line_stream_new (g_unix_output_stream_new (STDOUT_FILENO, FALSE));
      return TRUE;
    }

  /* Through a symbolic link, the file it points to is replaced. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *target = realpath (path, NULL);
      if (target != NULL)
        out->path = g_strdup (target);
      free (target);
    }
  if (out->path == NULL)
    out->path = g_strdup (path);

  exists = g_stat (out->path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      out->fd = g_open (out->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (out->path);
      g_autofree char *base = g_path_get_basename (out->path);
      g_autofree char *name = g_strdup_printf (".%s.tamis-%d.XXXXXX", base, (int) getpid ());

      remove_stale_temporaries (dir, base);
      out->tmp_path = g_build_filename (dir, name, NULL);
      /* The mode goes through the umask, as for any new file. */
      out->fd = g_mkstemp_full (out->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
      if (out->fd >= 0 && exists)
        fchmod (out->fd, st.st_mode & 07777);
    }
  if (out->fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write '%s': %s", path, g_strerror (saved));
      g_clear_pointer (&out->tmp_path, g_free);
      g_clear_pointer (&out->path, g_free);
      return FALSE;
    }
  watch_signals (out->tmp_path);
  out->stream = cli_line_stream_new (g_unix_output_stream_new (out->fd, TRUE));
  return TRUE;
}

gboolean
cli_output_commit (CliOutput *out, GError **error)
{
  /* Data reach the disk before the name does. */
  if (!g_output_stream_flush (out->stream, NULL, error))
    return FALSE;
  if (out->tmp_path != NULL && fsync (out->fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write '%s': %s", out->path, g_strerror (saved));
      return FALSE;
    }
  if (!g_output_stream_close (out->stream, NULL, error))
    return FALSE;
  if (out->tmp_path != NULL && g_rename (out->tmp_path, out->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot rename the output to '%s': %s", out->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&out->tmp_path, g_free);
  have_tmp = 0;
  return TRUE;
}

void
cli_output_clear (CliOutput *out)
{
  if (out->stream != NULL && !g_output_stream_is_closed (out->stream))
    g_output_stream_close (out->stream, NULL, NULL);
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);
  have_tmp = 0;
  g_clear_object (&out->stream);
  g_clear_pointer (&out->path, g_free);
  g_clear_pointer (&out->tmp_path, g_free);
}
