/* tamis plugins --check — what the conformance check's files share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One document of the battery a plugin is run over. */
typedef struct {
  const char *name;   /* short, for the report: 'empty', 'cjk'… */
  char *text;         /* valid UTF-8, no NUL */
  gsize length;
  gboolean big;       /* left out of the thread and memory rounds */
  gboolean news;      /* plain news: a plugin must process it */
} CheckDoc;

/* The awkward documents, in report order; @big_size is the size of the
 * large one in bytes. A GPtrArray of CheckDoc that frees them. */
GPtrArray *check_battery_new (gsize big_size);

G_END_DECLS
