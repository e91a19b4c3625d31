/* float_repr.c: CPython's repr() of a float, for the constants passes
 * create: the printer writes them back as text and the emitted Python
 * must read back the very same double.
 *
 * CPython (Python/pystrtod.c, format_float_short with mode 'r') takes the
 * shortest digit string that reads back as the value, and writes it in
 * exponent form when plain notation would need more than three zeros
 * between the point and the digits (1e-05, but 0.0001) or more than 16
 * digits before the point (1e+16, but 1000000000000000.0). */
#include "passes/passes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Whether digits[0..n) * 10^(decpt - n) reads back as x. */
static bool reads_back(double x, const char *digits, int n, int decpt)
{
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%.*se%d", n, digits, decpt - n);
	return strtod(tmp, NULL) == x;
}

/* Adds one unit in the last place to digits[0..n), carrying into decpt
 * when 99..9 becomes 100..0. */
static void next_up(char *digits, int n, int *decpt)
{
	int k = n - 1;
	while (k >= 0 && digits[k] == '9')
		digits[k--] = '0';
	if (k >= 0) {
		digits[k]++;
	} else {
		digits[0] = '1';
		++*decpt;
	}
}

/* The shortest decimal digits d1 d2 ... dn with x == 0.d1d2...dn * 10^decpt
 * for a finite x > 0. glibc's printf rounds exactly, so the first length
 * at which printf's digits read back is the shortest, and among the
 * strings of that length CPython takes the nearest to x, which is
 * printf's. But where the gap to the double below x is half the gap above
 * (x a power of two), the nearest string can fall outside the interval
 * that reads back as x while the one after it is inside: then that one
 * is the shortest and CPython takes it. */
static int shortest_digits(double x, char digits[24], int *decpt)
{
	char tmp[40];
	for (int n = 1; n <= 17; n++) {
		snprintf(tmp, sizeof tmp, "%.*e", n - 1, x);
		const char *e = strchr(tmp, 'e');
		int k = 0;
		for (const char *p = tmp; p < e; p++)
			if (*p != '.')
				digits[k++] = *p;
		digits[k] = 0;
		*decpt = atoi(e + 1) + 1;
		if (reads_back(x, digits, n, *decpt))
			return n;
		next_up(digits, n, decpt);
		if (reads_back(x, digits, n, *decpt))
			return n;
	}
	die("float_repr: no digits read back as %a", x);
}

void float_repr(double x, char buf[32])
{
	if (isnan(x)) {
		strcpy(buf, "nan");
		return;
	}
	if (isinf(x)) {
		strcpy(buf, x < 0 ? "-inf" : "inf");
		return;
	}
	if (x == 0) {
		strcpy(buf, signbit(x) ? "-0.0" : "0.0");
		return;
	}
	char digits[24];
	int decpt;
	int n = shortest_digits(fabs(x), digits, &decpt);
	while (n > 1 && digits[n - 1] == '0')
		digits[--n] = 0;
	char *p = buf;
	if (x < 0)
		*p++ = '-';
	if (decpt <= -4 || decpt > 16) {
		/* d.ddde+XX, at least two exponent digits, as C's printf. */
		*p++ = digits[0];
		if (n > 1) {
			*p++ = '.';
			memcpy(p, digits + 1, (size_t)n - 1);
			p += n - 1;
		}
		char exp[16];
		snprintf(exp, sizeof exp, "e%+03d", decpt - 1);
		strcpy(p, exp);
	} else if (decpt <= 0) {
		/* 0.000ddd */
		*p++ = '0';
		*p++ = '.';
		for (int k = 0; k < -decpt; k++)
			*p++ = '0';
		memcpy(p, digits, (size_t)n + 1);
	} else if (decpt >= n) {
		/* ddd000.0 */
		memcpy(p, digits, (size_t)n);
		p += n;
		for (int k = n; k < decpt; k++)
			*p++ = '0';
		strcpy(p, ".0");
	} else {
		/* dd.ddd */
		memcpy(p, digits, (size_t)decpt);
		p += decpt;
		*p++ = '.';
		memcpy(p, digits + decpt, (size_t)(n - decpt) + 1);
	}
}
