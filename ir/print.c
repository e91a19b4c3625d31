/* print.c: the textual IR of -print-ir and the pass dumps.
 *
 *   func @mean(%1 xs) {
 *   bb0 (entry):
 *     %1 = param 0 : object                        ; xs  s0 15:10
 *     %2 = const float 0.0 : float                 ; total  s0 16:13
 *     ...
 *
 * One instruction a line; the comment carries the Python variable, the
 * top-level statement and the source position. The text is stable: it is
 * what the lit tests check. */
#include "ir/ir.h"

static void put_value(StrBuf *o, const Instr *v)
{
	if (!v)
		sb_puts(o, "<null>");
	else
		sb_printf(o, "%%%d", v->id);
}

static void put_str(StrBuf *o, Str s)
{
	sb_putc(o, '\'');
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.s[i];
		if (c == '\\' || c == '\'')
			sb_printf(o, "\\%c", c);
		else if (c == '\n')
			sb_puts(o, "\\n");
		else if (c == '\t')
			sb_puts(o, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(o, "\\x%02x", c);
		else
			sb_putc(o, (char)c);
	}
	sb_putc(o, '\'');
}

static void put_constant(StrBuf *o, const Constant *k)
{
	switch (k->kind) {
	case K_NONE: sb_puts(o, "none"); break;
	case K_TRUE: sb_puts(o, "true"); break;
	case K_FALSE: sb_puts(o, "false"); break;
	case K_INT: sb_printf(o, "int %s%s", k->negative ? "-" : "", k->digits); break;
	case K_FLOAT: sb_printf(o, "float %s", k->text); break;
	case K_STR: sb_puts(o, "str "); put_str(o, k->s); break;
	}
}

static const char *const unary_names[] = {"neg", "pos", "invert", "not"};

static void put_args(StrBuf *o, const Instr *i, int from)
{
	int npos = i->args.len - i->nkw;
	for (int a = from; a < i->args.len; a++) {
		if (a > from)
			sb_puts(o, ", ");
		if (a >= npos && i->kwnames)
			sb_printf(o, "%s=", i->kwnames[a - npos]);
		put_value(o, i->args.items[a]);
	}
}

static void print_instr(StrBuf *o, const Instr *i)
{
	size_t start = o->len;
	sb_puts(o, "  ");
	if (ir_has_value(i->op))
		sb_printf(o, "%%%d = ", i->id);
	if (i->op == OP_COPY) {
		/* Out of SSA: `%5 <- %3` assigns %3 to the register %5. */
		put_value(o, i->dest);
		sb_puts(o, " <-");
	} else {
		sb_puts(o, ir_op_name(i->op));
	}
	switch (i->op) {
	case OP_CONST:
		sb_putc(o, ' ');
		put_constant(o, &i->imm.constant);
		break;
	case OP_PARAM:
		sb_printf(o, " %d", i->imm.index);
		break;
	case OP_PHI:
		for (int a = 0; a < i->args.len; a++) {
			sb_puts(o, a ? ", [" : " [");
			const Block *pred = i->block && a < i->block->preds.len ? i->block->preds.items[a] : NULL;
			if (pred)
				sb_printf(o, "bb%d: ", pred->id);
			put_value(o, i->args.items[a]);
			sb_putc(o, ']');
		}
		break;
	case OP_BINOP:
		sb_printf(o, " %s%s ", binop_symbol(i->imm.binop), i->inplace ? "=" : "");
		put_args(o, i, 0);
		break;
	case OP_UNARY:
		sb_printf(o, " %s ", unary_names[i->imm.unary]);
		put_args(o, i, 0);
		break;
	case OP_COMPARE:
		sb_printf(o, " %s ", cmpop_symbol(i->imm.cmp));
		put_args(o, i, 0);
		break;
	case OP_UNDEF: case OP_BUILTIN: case OP_IMPORT: case OP_LOAD_GLOBAL:
	case OP_SLOT_LOAD: case OP_CELL_NEW:
		sb_printf(o, " %s", i->imm.name);
		break;
	case OP_STORE_GLOBAL: case OP_SLOT_STORE:
		sb_printf(o, " %s, ", i->imm.name);
		put_args(o, i, 0);
		break;
	case OP_MAKE_FUNCTION:
		sb_printf(o, " @%s", i->imm.fn->name);
		if (i->args.len) {
			sb_puts(o, ", ");
			put_args(o, i, 0);
		}
		break;
	case OP_CALL:
		sb_putc(o, ' ');
		put_value(o, i->args.items[0]);
		sb_putc(o, '(');
		put_args(o, i, 1);
		sb_putc(o, ')');
		break;
	case OP_CALL_DIRECT:
		sb_printf(o, " @%s(", i->imm.fn->name);
		put_args(o, i, 0);
		sb_putc(o, ')');
		break;
	case OP_CALL_METHOD:
		sb_putc(o, ' ');
		put_value(o, i->args.items[0]);
		sb_printf(o, ".%s(", i->imm.name);
		put_args(o, i, 1);
		sb_putc(o, ')');
		break;
	case OP_GETATTR: case OP_SETATTR: case OP_DELATTR:
		sb_putc(o, ' ');
		put_value(o, i->args.items[0]);
		sb_printf(o, ".%s", i->imm.name);
		if (i->args.len > 1) {
			sb_puts(o, ", ");
			put_args(o, i, 1);
		}
		break;
	case OP_UNPACK: case OP_EXTRACT:
		sb_putc(o, ' ');
		put_args(o, i, 0);
		sb_printf(o, ", %d", i->imm.index);
		break;
	case OP_FORMAT:
		sb_putc(o, ' ');
		put_args(o, i, 0);
		if (i->imm.index)
			sb_printf(o, " !%c", i->imm.index);
		break;
	case OP_BR:
		sb_printf(o, " bb%d", i->succ[0]->id);
		break;
	case OP_CONDBR: case OP_ITERNEXT:
		sb_putc(o, ' ');
		put_args(o, i, 0);
		sb_printf(o, ", bb%d, bb%d", i->succ[0]->id, i->succ[1]->id);
		break;
	default:
		if (i->args.len) {
			sb_putc(o, ' ');
			put_args(o, i, 0);
		}
		break;
	}
	if (ir_has_value(i->op)) {
		sb_puts(o, " : ");
		type_print(o, i->type);
	}
	/* The comment column: variable, statement, position. */
	size_t width = o->len - start;
	for (size_t pad = width; pad < 48; pad++)
		sb_putc(o, ' ');
	sb_puts(o, " ;");
	if (i->name)
		sb_printf(o, " %s ", i->name);
	sb_printf(o, " s%d %d:%d\n", i->stmt, i->loc.line, i->loc.col);
}

static const char *const region_names[] = {"if", "while", "for", "try", "with"};

static void put_block_ref(StrBuf *o, const char *what, const Block *b)
{
	if (b)
		sb_printf(o, " %s bb%d", what, b->id);
}

static void put_names(StrBuf *o, const char *what, const NameVec *v)
{
	if (!v->len)
		return;
	sb_printf(o, "  ; %s:", what);
	for (int i = 0; i < v->len; i++)
		sb_printf(o, " %s", v->items[i]);
	sb_putc(o, '\n');
}

void ir_print_function(StrBuf *o, const Function *f)
{
	sb_printf(o, "func @%s(", f->name);
	const Block *entry = f->blocks.len ? f->blocks.items[0] : NULL;
	int shown = 0;
	for (int k = 0; entry && k < entry->instrs.len; k++) {
		const Instr *p = entry->instrs.items[k];
		if (p->op != OP_PARAM)
			continue;
		sb_printf(o, "%s%%%d %s", shown++ ? ", " : "", p->id, p->name ? p->name : "");
	}
	sb_puts(o, ") {\n");
	put_names(o, "slots", &f->slots);
	put_names(o, "cells", &f->cells);
	put_names(o, "free", &f->freevars);
	if (f->out_of_ssa) {
		/* The registers copies assign: former phis, the temporary. */
		sb_puts(o, "  ; vars:");
		for (int k = 0; k < f->vars.len; k++) {
			const Instr *v = f->vars.items[k];
			sb_printf(o, "%s %%%d", k ? "," : "", v->id);
			if (v->name)
				sb_printf(o, " %s", v->name);
			if (!v->block)
				sb_puts(o, " (temp)");
		}
		sb_puts(o, f->vars.len ? "\n" : " none\n");
	}
	for (int b = 0; b < f->blocks.len; b++) {
		const Block *bb = f->blocks.items[b];
		sb_printf(o, "bb%d", bb->id);
		if (bb->label)
			sb_printf(o, " (%s)", bb->label);
		sb_putc(o, ':');
		if (bb->preds.len) {
			sb_puts(o, "  ; preds:");
			for (int p = 0; p < bb->preds.len; p++)
				sb_printf(o, " bb%d", bb->preds.items[p]->id);
		}
		if (bb->handler)
			sb_printf(o, "%s handler: bb%d", bb->preds.len ? "," : "  ;", bb->handler->id);
		sb_putc(o, '\n');
		for (int k = 0; k < bb->phis.len; k++)
			print_instr(o, bb->phis.items[k]);
		for (int k = 0; k < bb->instrs.len; k++)
			print_instr(o, bb->instrs.items[k]);
	}
	for (int r = 0; r < f->regions.len; r++) {
		const Region *rg = f->regions.items[r];
		sb_printf(o, "  ; region %s s%d %d:%d:", region_names[rg->kind], rg->stmt,
		          rg->loc.line, rg->loc.col);
		put_block_ref(o, "head", rg->head);
		put_block_ref(o, "body", rg->body);
		put_block_ref(o, "else", rg->orelse);
		put_block_ref(o, "handlers", rg->handlers);
		put_block_ref(o, "finally", rg->final);
		put_block_ref(o, "exit", rg->exit);
		sb_putc(o, '\n');
	}
	sb_puts(o, "}\n");
}

void ir_print_module(StrBuf *o, const IRModule *m)
{
	for (int i = 0; i < m->functions.len; i++) {
		if (i)
			sb_putc(o, '\n');
		ir_print_function(o, m->functions.items[i]);
	}
}
