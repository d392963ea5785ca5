/* segment — byte classes for ASCII and the few code points that matter. */
#include "chars.h"

#define S_ SEG_F_SPACE
#define B_ SEG_F_BREAK
#define U_ SEG_F_UPPER
#define L_ SEG_F_LOWER
#define D_ SEG_F_DIGIT
#define Y_ SEG_F_SYMBOL
#define P_ 0 /* punctuation */
#define H_ SEG_F_HIGH

/* NUL and the other C0 controls read as spaces: they never start a token. */
const guint8 seg_ascii[256] = {
  /* 0x00 */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, B_, B_, B_, B_, S_, S_,
  /* 0x10 */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
  /*  !"#$%&'()*+,-./ */
  /* 0x20 */ S_, P_, P_, Y_, Y_, Y_, Y_, P_, P_, P_, Y_, Y_, P_, P_, P_, P_,
  /* 0123456789:;<=>? */
  /* 0x30 */ D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, P_, P_, Y_, Y_, Y_, P_,
  /* @ABCDEFGHIJKLMNO */
  /* 0x40 */ Y_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
  /* PQRSTUVWXYZ[\]^_ */
  /* 0x50 */ U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, P_, P_, P_, Y_, P_,
  /* `abcdefghijklmno */
  /* 0x60 */ Y_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
  /* pqrstuvwxyz{|}~ DEL */
  /* 0x70 */ L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, P_, Y_, P_, Y_, S_,
  /* 0x80 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0x90 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xA0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xB0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xC0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xD0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xE0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
  /* 0xF0 */ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,
};

SegUClass
seg_uclass_slow (gunichar u)
{
  switch (u) {
  case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
  case 0x200B: case 0x2060: case 0xFEFF:
    return SEG_U_SPACE;
  case 0x0085: case 0x2028:
    return SEG_U_NEWLINE;
  case 0x2029:
    return SEG_U_PARA;
  case 0x00AD: case 0x200C: case 0x200D:
    return SEG_U_MARK;
  case 0x2019: case 0x02BC:
    return SEG_U_APOS;
  case 0x2010: case 0x2011:
    return SEG_U_HYPHEN;
  case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    return SEG_U_DASH;
  case 0x2026:
    return SEG_U_ELLIPSIS;
  case 0x00AB: case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0x2039:
    return SEG_U_OPEN;
  case 0x00BB: case 0x201D: case 0x203A:
    return SEG_U_CLOSE;
  case 0x2030: case 0x2031: /* ‰ ‱ read like % */
    return SEG_U_SYMBOL;
  default:
    break;
  }
  if (u >= 0x2000 && u <= 0x200A)
    return SEG_U_SPACE;
  if (u >= 0x80 && u < 0xA0) /* C1 controls */
    return SEG_U_SPACE;

  switch (g_unichar_type (u)) {
  case G_UNICODE_LOWERCASE_LETTER:
  case G_UNICODE_UPPERCASE_LETTER:
  case G_UNICODE_TITLECASE_LETTER:
  case G_UNICODE_MODIFIER_LETTER:
  case G_UNICODE_OTHER_LETTER:
    return SEG_U_LETTER;
  case G_UNICODE_DECIMAL_NUMBER:
    return SEG_U_DIGIT;
  case G_UNICODE_SPACING_MARK:
  case G_UNICODE_ENCLOSING_MARK:
  case G_UNICODE_NON_SPACING_MARK:
  case G_UNICODE_LETTER_NUMBER:
  case G_UNICODE_OTHER_NUMBER:
  case G_UNICODE_FORMAT:
    return SEG_U_MARK;
  case G_UNICODE_SPACE_SEPARATOR:
    return SEG_U_SPACE;
  case G_UNICODE_LINE_SEPARATOR:
    return SEG_U_NEWLINE;
  case G_UNICODE_PARAGRAPH_SEPARATOR:
    return SEG_U_PARA;
  case G_UNICODE_CONNECT_PUNCTUATION:
  case G_UNICODE_DASH_PUNCTUATION:
  case G_UNICODE_CLOSE_PUNCTUATION:
  case G_UNICODE_FINAL_PUNCTUATION:
  case G_UNICODE_INITIAL_PUNCTUATION:
  case G_UNICODE_OTHER_PUNCTUATION:
  case G_UNICODE_OPEN_PUNCTUATION:
    return SEG_U_PUNCT;
  case G_UNICODE_CURRENCY_SYMBOL:
    return SEG_U_CURRENCY;
  case G_UNICODE_CONTROL:
    return SEG_U_SPACE;
  default:
    return SEG_U_SYMBOL;
  }
}
