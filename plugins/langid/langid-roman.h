/* langid — telling Latin-letter transcriptions of other scripts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The code of the language (hi, ru, ar, ja, el, zh) whose everyday words,
 * as they are commonly typed in Latin letters, make up a good part of
 * @text — "main ghar ja raha hoon", "privet, kak dela" — or NULL. Such a
 * text looks like no language of the model written in Latin letters. */
const char *langid_romanized (const char *text, gsize len);

G_END_DECLS
