/* literal.c: the values of string, int and float literals. */
#include "frontend/lexer.h"

#include <stdlib.h>
#include <string.h>

static void put_utf8(StrBuf *b, uint32_t cp)
{
	if (cp < 0x80) {
		sb_putc(b, (char)cp);
	} else if (cp < 0x800) {
		sb_putc(b, (char)(0xC0 | cp >> 6));
		sb_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		sb_putc(b, (char)(0xE0 | cp >> 12));
		sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		sb_putc(b, (char)(0xF0 | cp >> 18));
		sb_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
		sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads exactly n hex digits at *pp; -1 if they are not all there. */
static long read_hex(const char **pp, const char *e, int n)
{
	long v = 0;
	const char *p = *pp;
	for (int i = 0; i < n; i++) {
		int d = p + i < e ? hexval(p[i]) : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	*pp = p + n;
	return v;
}

bool decode_string_body(Lexer *lx, StrBuf *out, const char *s, const char *e,
                        bool raw)
{
	bool ok = true;
	const char *p = s;
	while (p < e) {
		char c = *p;
		if (c == '\r') {
			/* CPython reads source with universal newlines. */
			sb_putc(out, '\n');
			p += p + 1 < e && p[1] == '\n' ? 2 : 1;
			continue;
		}
		if (c != '\\' || p + 1 >= e) {
			sb_putc(out, c);
			p++;
			continue;
		}
		const char *esc = p++;
		if (raw) {
			/* A raw string keeps the backslash and what it protects. */
			sb_putc(out, '\\');
			continue;
		}
		c = *p++;
		long v;
		switch (c) {
		case '\r':
			if (p < e && *p == '\n')
				p++;
			break;
		case '\n': break;
		case '\\': case '\'': case '"': sb_putc(out, c); break;
		case 'a': sb_putc(out, '\a'); break;
		case 'b': sb_putc(out, '\b'); break;
		case 'f': sb_putc(out, '\f'); break;
		case 'n': sb_putc(out, '\n'); break;
		case 'r': sb_putc(out, '\r'); break;
		case 't': sb_putc(out, '\t'); break;
		case 'v': sb_putc(out, '\v'); break;
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7':
			v = c - '0';
			for (int i = 0; i < 2 && p < e && *p >= '0' && *p <= '7'; i++)
				v = v * 8 + (*p++ - '0');
			put_utf8(out, (uint32_t)v);
			break;
		case 'x': case 'u': case 'U':
			v = read_hex(&p, e, c == 'x' ? 2 : c == 'u' ? 4 : 8);
			if (v < 0) {
				error_at(lx->diag, lexer_pos(lx, esc), "truncated \\%s escape",
				         c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
				ok = false;
			} else if (v > 0x10FFFF) {
				error_at(lx->diag, lexer_pos(lx, esc), "illegal Unicode character");
				ok = false;
			} else if (v >= 0xD800 && v <= 0xDFFF) {
				error_at(lx->diag, lexer_pos(lx, esc),
				         "unsupported: surrogate code point in string literal");
				ok = false;
			} else {
				put_utf8(out, (uint32_t)v);
			}
			break;
		case 'N':
			error_at(lx->diag, lexer_pos(lx, esc), "unsupported: \\N{...} escape");
			ok = false;
			break;
		default:
			/* Unknown escapes stay as written, as in CPython. */
			sb_putc(out, '\\');
			p--;
			break;
		}
	}
	return ok;
}

/* Multiplies the little-endian base-1e9 number in limbs by mul and adds
 * add. */
static void limbs_muladd(uint32_t **limbs, int *n, int *cap, uint32_t mul, uint32_t add)
{
	uint64_t carry = add;
	for (int i = 0; i < *n; i++) {
		uint64_t x = (uint64_t)(*limbs)[i] * mul + carry;
		(*limbs)[i] = (uint32_t)(x % 1000000000u);
		carry = x / 1000000000u;
	}
	while (carry) {
		if (*n == *cap) {
			*cap *= 2;
			*limbs = xrealloc(*limbs, (size_t)*cap * sizeof **limbs);
		}
		(*limbs)[(*n)++] = (uint32_t)(carry % 1000000000u);
		carry /= 1000000000u;
	}
}

Expr *make_int_literal(Lexer *lx, SrcRange r, const char *s, const char *e)
{
	int base = 10;
	if (e - s > 2 && s[0] == '0') {
		char k = s[1];
		base = k == 'x' || k == 'X' ? 16 : k == 'o' || k == 'O' ? 8 : k == 'b' || k == 'B' ? 2 : 10;
		if (base != 10)
			s += 2;
	}
	if (base == 10 && s[0] == '0') {
		for (const char *p = s; p < e; p++) {
			if (*p != '0' && *p != '_') {
				error_at(lx->diag, r, "leading zeros in decimal integer literals "
				         "are not permitted; use an 0o prefix for octal integers");
				break;
			}
		}
	}
	int cap = 4, n = 0;
	uint32_t *limbs = xmalloc((size_t)cap * sizeof *limbs);
	uint64_t small = 0;
	bool fits = true;
	for (const char *p = s; p < e; p++) {
		if (*p == '_')
			continue;
		int d = hexval(*p);
		limbs_muladd(&limbs, &n, &cap, (uint32_t)base, (uint32_t)d);
		if (small > (UINT64_C(0x7FFFFFFFFFFFFFFF) - (uint64_t)d) / (uint64_t)base)
			fits = false;
		else
			small = small * (uint64_t)base + (uint64_t)d;
	}
	StrBuf b;
	sb_init(&b);
	if (n == 0)
		sb_putc(&b, '0');
	for (int i = n - 1; i >= 0; i--)
		sb_printf(&b, i == n - 1 ? "%u" : "%09u", limbs[i]);
	free(limbs);
	Expr *x = mkexpr(lx->arena, EXPR_INT, r);
	x->u.int_.digits = arena_strndup(lx->arena, b.data, b.len);
	x->u.int_.fits = fits;
	x->u.int_.small = fits ? (int64_t)small : 0;
	sb_free(&b);
	return x;
}

Expr *make_float_literal(Lexer *lx, SrcRange r, const char *s, const char *e)
{
	char *text = arena_alloc(lx->arena, (size_t)(e - s) + 1);
	char *q = text;
	for (const char *p = s; p < e; p++)
		if (*p != '_')
			*q++ = *p;
	*q = 0;
	Expr *x = mkexpr(lx->arena, EXPR_FLOAT, r);
	x->u.float_.text = text;
	/* strtod rounds to nearest like CPython's float parser; overflow gives
	 * inf, as `1e400` does in Python. */
	x->u.float_.value = strtod(text, NULL);
	return x;
}
