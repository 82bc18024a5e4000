/**
 * The trust matrix drawn on a canvas: only the rows and columns in view are drawn, so 500 × 500
 * accounts scroll as smoothly as 10 × 10. Row and column labels stay frozen at the left and top,
 * with OU bands beside them. The grid is one focusable element: arrow keys move a cursor, N and
 * Shift+N jump to the next and previous cell with trust, Enter opens the cell, and the cell under
 * the cursor or the pointer is told in words in a live region (its accessible label).
 */
import { h } from '../dom.ts';
import { SEVERITY_COLOR, type Severity } from '../palette.ts';
import { describeCell, type Arranged, type MatrixCell } from './matrix-layout.ts';

/** Room for the OU band and the labels, left of the rows and above the columns. */
const BAND = 18;
const LABEL_W = 180;
const LABEL_H = 130;
const FONT = '11px system-ui, sans-serif';

export interface MatrixGrid {
  el: HTMLElement;
  show(a: Arranged, cellSize: number): void;
}

export function matrixGrid(opts: {
  onOpen: (i: number, j: number, c: MatrixCell) => void;
  status: HTMLElement;
}): MatrixGrid {
  const canvas = h('canvas', { class: 'matrix-canvas', 'aria-hidden': 'true' });
  const spacer = h('div', { class: 'matrix-spacer' });
  const scroll = h(
    'div',
    {
      id: 'matrix-grid',
      class: 'matrix-scroll',
      tabindex: 0,
      role: 'application',
      'aria-roledescription': 'trust matrix',
      'aria-label':
        'Trust matrix: callers by target accounts. Arrow keys move between cells, N and Shift+N to the next and previous cell with trust, Enter opens a cell.',
      'aria-describedby': opts.status.id,
    },
    spacer,
  );
  const el = h('div', { class: 'matrix-view' }, scroll, canvas);
  let a: Arranged | undefined;
  let size = 14;
  let cursor: [number, number] = [0, 0];
  let hover: [number, number] | undefined;
  let frame = 0;

  const gridX = () => LABEL_W + BAND;
  const gridY = () => LABEL_H + BAND;

  function say(i: number, j: number): void {
    if (!a || !a.rows[i] || !a.cols[j]) return;
    opts.status.textContent = describeCell(a.rows[i], a.cols[j], a.cell(i, j));
    opts.status.dataset.row = a.rows[i].id;
    opts.status.dataset.col = a.cols[j].id;
  }

  function draw(): void {
    frame = 0;
    if (!a) return;
    const w = scroll.clientWidth;
    const hgt = scroll.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(hgt * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(hgt * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${hgt}px`;
    }
    const g = canvas.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, hgt);
    g.font = FONT;
    const sx = scroll.scrollLeft;
    const sy = scroll.scrollTop;
    const x0 = gridX();
    const y0 = gridY();
    const i0 = Math.max(0, Math.floor(sy / size));
    const i1 = Math.min(a.rows.length, Math.ceil((sy + hgt - y0) / size));
    const j0 = Math.max(0, Math.floor(sx / size));
    const j1 = Math.min(a.cols.length, Math.ceil((sx + w - x0) / size));
    const cx = (j: number) => x0 + j * size - sx;
    const cy = (i: number) => y0 + i * size - sy;

    // Cells.
    g.save();
    g.beginPath();
    g.rect(x0, y0, w - x0, hgt - y0);
    g.clip();
    if (hover) {
      g.fillStyle = '#F0F4F8';
      g.fillRect(x0, cy(hover[0]), w, size);
      g.fillRect(cx(hover[1]), y0, size, hgt);
    }
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    for (let i = i0; i < i1; i++)
      for (let j = j0; j < j1; j++) {
        const c = a.cell(i, j);
        if (!c) continue;
        g.fillStyle = SEVERITY_COLOR[(c.worstSeverity ?? 'none') as Severity | 'none'];
        g.fillRect(cx(j) + 1, cy(i) + 1, size - 1, size - 1);
        if (size >= 16) {
          g.fillStyle = '#fff';
          g.fillText(
            c.roleCount > 999 ? '1k+' : String(c.roleCount),
            cx(j) + size / 2,
            cy(i) + size / 2 + 0.5,
          );
        }
      }
    // Grid lines every cell when cells are large enough to tell apart, and OU bands' edges always.
    g.strokeStyle = '#E4E7EB';
    g.lineWidth = 1;
    if (size >= 8) {
      g.beginPath();
      for (let i = i0; i <= i1; i++) {
        g.moveTo(x0, cy(i) + 0.5);
        g.lineTo(w, cy(i) + 0.5);
      }
      for (let j = j0; j <= j1; j++) {
        g.moveTo(cx(j) + 0.5, y0);
        g.lineTo(cx(j) + 0.5, hgt);
      }
      g.stroke();
    }
    g.strokeStyle = '#52606D';
    g.beginPath();
    for (const b of a.rowBands) {
      g.moveTo(x0, cy(b.start) + 0.5);
      g.lineTo(w, cy(b.start) + 0.5);
    }
    for (const b of a.colBands) {
      g.moveTo(cx(b.start) + 0.5, y0);
      g.lineTo(cx(b.start) + 0.5, hgt);
    }
    g.stroke();
    if (document.activeElement === scroll) {
      g.strokeStyle = '#1F2933';
      g.lineWidth = 2;
      g.strokeRect(cx(cursor[1]) + 1, cy(cursor[0]) + 1, size - 1, size - 1);
    }
    g.restore();

    // Frozen labels: columns on top, rows at the left, OU bands outside them.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, y0);
    g.fillRect(0, 0, x0, hgt);
    const fit = (text: string, max: number) => {
      if (g.measureText(text).width <= max) return text;
      let t = text;
      while (t.length > 1 && g.measureText(`${t}…`).width > max) t = t.slice(0, -1);
      return `${t}…`;
    };
    g.textBaseline = 'middle';
    g.save();
    g.beginPath();
    g.rect(x0, 0, w - x0, y0);
    g.clip();
    for (const b of a.colBands) {
      const l = cx(b.start);
      const r = cx(b.end);
      if (r < x0 || l > w) continue;
      g.fillStyle = '#E4E7EB';
      g.fillRect(l, 0, r - l - 1, BAND);
      g.fillStyle = '#1F2933';
      g.textAlign = 'left';
      g.fillText(
        fit(b.name, Math.max(0, Math.min(r, w) - Math.max(l, x0) - 6)),
        Math.max(l, x0) + 3,
        BAND / 2,
      );
    }
    // Rotated a quarter turn back, text written left to right runs up the screen from the grid.
    g.textAlign = 'left';
    for (let j = j0; j < j1; j++) {
      g.save();
      g.translate(cx(j) + size / 2, y0 - 4);
      g.rotate(-Math.PI / 2);
      g.fillStyle = hover?.[1] === j || cursor[1] === j ? '#000' : '#3E4C59';
      g.font = hover?.[1] === j ? `bold ${FONT}` : FONT;
      if (size >= 10 || hover?.[1] === j) g.fillText(fit(a.cols[j]!.name, LABEL_H - 8), 0, 0);
      g.restore();
    }
    g.restore();
    g.save();
    g.beginPath();
    g.rect(0, y0, x0, hgt - y0);
    g.clip();
    for (const b of a.rowBands) {
      const t = cy(b.start);
      const btm = cy(b.end);
      if (btm < y0 || t > hgt) continue;
      g.fillStyle = '#E4E7EB';
      g.fillRect(0, t, BAND, btm - t - 1);
      g.save();
      g.translate(BAND / 2, Math.min(btm, hgt) - 3);
      g.rotate(-Math.PI / 2);
      g.fillStyle = '#1F2933';
      g.textAlign = 'left';
      g.fillText(fit(b.name, Math.max(0, Math.min(btm, hgt) - Math.max(t, y0) - 6)), 0, 0);
      g.restore();
    }
    g.textAlign = 'left';
    for (let i = i0; i < i1; i++) {
      if (size < 10 && hover?.[0] !== i) continue;
      g.fillStyle = hover?.[0] === i || cursor[0] === i ? '#000' : '#3E4C59';
      g.font = hover?.[0] === i ? `bold ${FONT}` : FONT;
      g.fillText(fit(a.rows[i]!.name, LABEL_W - 8), BAND + 4, cy(i) + size / 2);
    }
    g.restore();
    g.fillStyle = '#52606D';
    g.font = FONT;
    g.textAlign = 'left';
    g.fillText('caller ↓  target →', BAND + 4, y0 - 10);
  }

  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  /** The cell at a point of the scroll area's box, if any. */
  function cellAt(ev: MouseEvent): [number, number] | undefined {
    if (!a) return undefined;
    const box = scroll.getBoundingClientRect();
    const x = ev.clientX - box.left - gridX();
    const y = ev.clientY - box.top - gridY();
    if (x < 0 || y < 0) return undefined;
    const i = Math.floor((y + scroll.scrollTop) / size);
    const j = Math.floor((x + scroll.scrollLeft) / size);
    return i < a.rows.length && j < a.cols.length ? [i, j] : undefined;
  }

  /** Scrolls so the cursor's cell is in view, and marks where it is for a pointer (tests, tools). */
  function reveal(): void {
    const [i, j] = cursor;
    const viewW = scroll.clientWidth - gridX();
    const viewH = scroll.clientHeight - gridY();
    if (j * size < scroll.scrollLeft) scroll.scrollLeft = j * size;
    else if ((j + 1) * size > scroll.scrollLeft + viewW) scroll.scrollLeft = (j + 1) * size - viewW;
    if (i * size < scroll.scrollTop) scroll.scrollTop = i * size;
    else if ((i + 1) * size > scroll.scrollTop + viewH) scroll.scrollTop = (i + 1) * size - viewH;
    scroll.dataset.cursorX = String(Math.round(gridX() + j * size - scroll.scrollLeft + size / 2));
    scroll.dataset.cursorY = String(Math.round(gridY() + i * size - scroll.scrollTop + size / 2));
    say(i, j);
    redraw();
  }

  function open(i: number, j: number): void {
    const c = a?.cell(i, j);
    if (c) opts.onOpen(i, j, c);
  }

  scroll.addEventListener('scroll', redraw);
  scroll.addEventListener('focus', redraw);
  scroll.addEventListener('blur', redraw);
  scroll.addEventListener('mousemove', (ev) => {
    const at = cellAt(ev);
    if (at?.[0] === hover?.[0] && at?.[1] === hover?.[1]) return;
    hover = at;
    scroll.style.cursor = at && a?.cell(at[0], at[1]) ? 'pointer' : 'default';
    if (at) say(at[0], at[1]);
    redraw();
  });
  scroll.addEventListener('mouseleave', () => {
    hover = undefined;
    redraw();
  });
  scroll.addEventListener('click', (ev) => {
    const at = cellAt(ev);
    if (!at) return;
    cursor = at;
    reveal();
    open(at[0], at[1]);
  });
  scroll.addEventListener('keydown', (ev) => {
    if (!a || !a.rows.length || !a.cols.length) return;
    let [i, j] = cursor;
    const page = Math.max(1, Math.floor((scroll.clientHeight - gridY()) / size) - 1);
    const next = (dir: 1 | -1) => {
      const f = a!.filled;
      if (!f.length) return;
      const k =
        dir === 1
          ? f.findIndex(([r, c]) => r > i || (r === i && c > j))
          : f.findLastIndex(([r, c]) => r < i || (r === i && c < j));
      [i, j] = f[k >= 0 ? k : dir === 1 ? 0 : f.length - 1]!;
    };
    switch (ev.key) {
      case 'ArrowRight':
        j = Math.min(a.cols.length - 1, j + 1);
        break;
      case 'ArrowLeft':
        j = Math.max(0, j - 1);
        break;
      case 'ArrowDown':
        i = Math.min(a.rows.length - 1, i + 1);
        break;
      case 'ArrowUp':
        i = Math.max(0, i - 1);
        break;
      case 'PageDown':
        i = Math.min(a.rows.length - 1, i + page);
        break;
      case 'PageUp':
        i = Math.max(0, i - page);
        break;
      case 'Home':
        j = 0;
        break;
      case 'End':
        j = a.cols.length - 1;
        break;
      case 'n':
      case 'N':
        next(ev.shiftKey ? -1 : 1);
        break;
      case 'Enter':
      case ' ':
        ev.preventDefault();
        open(i, j);
        return;
      default:
        return;
    }
    ev.preventDefault();
    cursor = [i, j];
    reveal();
  });
  new ResizeObserver(redraw).observe(scroll);

  return {
    el,
    show(next, cellSize) {
      a = next;
      size = cellSize;
      cursor = [
        Math.min(cursor[0], Math.max(0, a.rows.length - 1)),
        Math.min(cursor[1], Math.max(0, a.cols.length - 1)),
      ];
      spacer.style.width = `${gridX() + a.cols.length * size}px`;
      spacer.style.height = `${gridY() + a.rows.length * size}px`;
      reveal();
    },
  };
}
