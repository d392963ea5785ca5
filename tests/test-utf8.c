/* tamis_utf8_validate() against GLib's g_utf8_validate_len(): the same
 * answer and the same place of the first invalid sequence, for every
 * string of one or two bytes, every lead byte followed by the edges of the
 * continuation ranges, and random mixes of valid text and stray bytes,
 * each behind ASCII prefixes of every length so that the eight-byte
 * skipping meets each case at every alignment. */
#include <glib.h>
#include <string.h>

#include "document-private.h"

static guint n_checked;

static void
check (const guchar *s, gsize len)
{
  const char *ours = NULL, *glibs = NULL;
  gboolean a = tamis_utf8_validate ((const char *) s, len, &ours);
  /* GLib refuses NUL bytes, which tamis lets through (check_utf8 reports
   * them apart): compare up to the first one */
  const guchar *nul = memchr (s, 0, len);
  gsize upto = nul ? (gsize) (nul - s) : len;
  gboolean b = g_utf8_validate_len ((const char *) s, upto, &glibs);

  if (nul && b)
    {
      /* valid up to the NUL: tamis goes on past it */
      g_assert_true (ours >= (const char *) nul);
      n_checked++;
      return;
    }
  if (a != b || ours != glibs)
    {
      g_autofree char *hex = g_malloc (3 * len + 1);
      for (gsize i = 0; i < len; i++)
        g_snprintf (hex + 3 * i, 4, "%02x ", s[i]);
      g_error ("%s: tamis %d at %td, GLib %d at %td", hex, a, ours - (const char *) s, b,
               glibs - (const char *) s);
    }
  n_checked++;
}

/* @s behind 0..9 ASCII bytes, and followed by ASCII. */
static void
check_placed (const guchar *s, gsize len)
{
  guchar buf[64];

  g_assert_cmpuint (len + 20, <=, sizeof buf);
  for (gsize pre = 0; pre < 10; pre++)
    {
      memset (buf, 'a', pre);
      memcpy (buf + pre, s, len);
      check (buf, pre + len);
      memcpy (buf + pre + len, "bcdefghij", 9);
      check (buf, pre + len + 9);
    }
}

static void
test_short_strings (void)
{
  guchar s[4];

  for (guint a = 0; a < 256; a++)
    {
      s[0] = a;
      check_placed (s, 1);
      for (guint b = 0; b < 256; b++)
        {
          s[1] = b;
          check (s, 2);
        }
    }
  g_assert_cmpuint (n_checked, >, 65536);
}

static void
test_sequence_edges (void)
{
  /* the edges of every range a continuation byte is checked against */
  static const guchar edge[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
  guchar s[4];

  for (guint a = 0xc0; a < 256; a++)
    for (guint b = 0; b < 256; b++)
      for (guint i = 0; i < G_N_ELEMENTS (edge); i++)
        {
          s[0] = a;
          s[1] = b;
          s[2] = edge[i];
          check (s, 3);
          if (a < 0xf0)
            continue;
          for (guint j = 0; j < G_N_ELEMENTS (edge); j++)
            {
              s[3] = edge[j];
              check (s, 4);
            }
        }
  /* cut sequences and the largest and smallest of each length, placed */
  static const char *const cases[] = {
    "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xef\xbf\xbf", "\xed\x9f\xbf", "\xed\xa0\x80",
    "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x9f\xbf",
    "\xf0\x8f\xbf\xbf", "\xe2\x82", "\xf0\x9f\x98", "\xc3", "\xf5\x80\x80\x80",
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_placed ((const guchar *) cases[i], strlen (cases[i]));
}

static void
test_random_text (void)
{
  /* characters of 1 to 4 bytes from real scripts, and bytes at random */
  static const char *const pieces[] = {
    "a", " ", "é", "ß", "Д", "ж", "λ", "ع", "अ", "中", "€", "😀", "\xf0\x9f\x87\xab",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261206);
  guchar buf[48];

  for (guint round = 0; round < 200000; round++)
    {
      gsize len = 0;
      while (len < 40)
        {
          if (g_rand_int_range (rand, 0, 12) == 0)
            buf[len++] = g_rand_int_range (rand, 1, 256);
          else
            {
              const char *p = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
              gsize n = strlen (p);
              if (len + n > 40)
                break;
              memcpy (buf + len, p, n);
              len += n;
            }
        }
      check (buf, len);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/utf8/short-strings", test_short_strings);
  g_test_add_func ("/utf8/sequence-edges", test_sequence_edges);
  g_test_add_func ("/utf8/random-text", test_random_text);
  return g_test_run ();
}
