/* money — exact decimal amounts as a 64-bit mantissa and a power of ten.
 * Amounts in text have few significant digits; a double would turn
 * "5,576 millions" into 5575999999.999999. */
#include "money-private.h"

#include <math.h>
#include <string.h>

#define MAX_MANTISSA G_GINT64_CONSTANT (999999999999999999)

static MoneyDec
normalise (MoneyDec a)
{
  if (a.m == 0)
    return (MoneyDec) { 0, 0 };
  while (a.m % 10 == 0)
    {
      a.m /= 10;
      a.e++;
    }
  return a;
}

/* Digits only; the caller has removed separators and knows where the
 * decimal point goes. */
gboolean
money_dec_parse (const char *digits, gsize len, MoneyDec *out)
{
  gint64 m = 0;
  gsize i = 0;

  while (i < len && digits[i] == '0')
    i++;
  if (len - i > 18)
    return FALSE;
  for (; i < len; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return FALSE;
      m = m * 10 + (digits[i] - '0');
    }
  *out = normalise ((MoneyDec) { m, 0 });
  return TRUE;
}

MoneyDec
money_dec_shift (MoneyDec a, int power)
{
  if (a.m == 0)
    return a;
  a.e += power;
  return a;
}

static gboolean
scale_up (gint64 m, int by, gint64 *out)
{
  for (; by > 0; by--)
    {
      if (m > MAX_MANTISSA / 10 || m < -MAX_MANTISSA / 10)
        return FALSE;
      m *= 10;
    }
  *out = m;
  return TRUE;
}

gboolean
money_dec_add (MoneyDec a, MoneyDec b, MoneyDec *out)
{
  gint64 am, bm;
  gint32 e;

  if (a.m == 0)
    {
      *out = b;
      return TRUE;
    }
  if (b.m == 0)
    {
      *out = a;
      return TRUE;
    }
  e = MIN (a.e, b.e);
  if (!scale_up (a.m, a.e - e, &am) || !scale_up (b.m, b.e - e, &bm))
    return FALSE;
  if (am > MAX_MANTISSA - bm)
    return FALSE;
  *out = normalise ((MoneyDec) { am + bm, e });
  return TRUE;
}

gboolean
money_dec_mul (MoneyDec a, MoneyDec b, MoneyDec *out)
{
  if (a.m == 0 || b.m == 0)
    {
      *out = (MoneyDec) { 0, 0 };
      return TRUE;
    }
  if (a.m > MAX_MANTISSA / b.m)
    return FALSE;
  *out = normalise ((MoneyDec) { a.m * b.m, a.e + b.e });
  return TRUE;
}

int
money_dec_cmp (MoneyDec a, MoneyDec b)
{
  double da = money_dec_to_double (a), db = money_dec_to_double (b);

  return da < db ? -1 : da > db ? 1 : 0;
}

double
money_dec_to_double (MoneyDec a)
{
  /* exact for the integers and two-decimal amounts money uses */
  if (a.e >= 0)
    return (double) a.m * pow (10, a.e);
  return (double) a.m / pow (10, -a.e);
}

gsize
money_dec_format (MoneyDec a, char *buf, gsize size)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, a.m);
  gsize w = 0;

#define PUT(c) do { if (w + 1 < size) buf[w] = (c); w++; } while (0)
  if (a.e >= 0)
    {
      for (int i = 0; i < n; i++)
        PUT (digits[i]);
      if (a.m != 0)
        for (int i = 0; i < a.e; i++)
          PUT ('0');
    }
  else
    {
      int point = n + a.e;   /* digits before the decimal point */
      if (point <= 0)
        {
          PUT ('0');
          PUT ('.');
          for (int i = 0; i < -point; i++)
            PUT ('0');
          for (int i = 0; i < n; i++)
            PUT (digits[i]);
        }
      else
        {
          for (int i = 0; i < n; i++)
            {
              if (i == point)
                PUT ('.');
              PUT (digits[i]);
            }
        }
    }
#undef PUT
  if (size > 0)
    buf[MIN (w, size - 1)] = '\0';
  return w;
}
