/* encoding.c: source files must be UTF-8, as CPython reads them. */
#include "frontend/frontend.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none:
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
static int utf8_sequence(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	int len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, min = 0x10000;
	else
		return 0;
	if ((size_t)len > n)
		return 0;
	unsigned cp = c & (0x3F >> (len - 1));
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

bool check_source_encoding(DiagEngine *d, const SourceFile *src)
{
	const unsigned char *s = (const unsigned char *)src->text;
	int line = 1, col = 1;
	for (size_t i = 0; i < src->len;) {
		int n = utf8_sequence(s + i, src->len - i);
		if (n == 0) {
			error_at(d, ((SrcRange){line, col, line, col + 1}),
			         "invalid UTF-8 byte 0x%02x: source files must be UTF-8", s[i]);
			return false;
		}
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == src->len || s[i + 1] != '\n'))) {
			line++;
			col = 1;
		} else {
			col += n;
		}
		i += (size_t)n;
	}
	return true;
}
