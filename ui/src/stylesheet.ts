/** The Cytoscape stylesheet, as data: every visual rule the graph follows, derived from palette.ts. */
import type { StylesheetJson } from 'cytoscape';
import { DIFF_COLOR, EDGE_COLOR, KIND_SHAPE, KINDS, SEVERITIES, SEVERITY_COLOR } from './palette.ts';

const FONT = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1F2933';

export function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(fill)',
        'border-width': 1.5,
        'border-color': '#33404D',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 11,
        color: INK,
        'text-wrap': 'wrap',
        'text-max-width': '180px',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        width: 34,
        height: 34,
        'min-zoomed-font-size': 4,
      },
    },
    ...KINDS.map((k) => ({
      selector: `node[kind = "${k}"]`,
      style: { shape: KIND_SHAPE[k] as 'ellipse' },
    })),
    { selector: 'node[kind = "role"]', style: { width: 44, height: 30 } },
    { selector: 'node[kind = "anyone"]', style: { width: 44, height: 44, 'border-width': 2.5 } },
    { selector: 'node[kind = "external"]', style: { 'border-style': 'dashed', 'border-width': 2 } },
    {
      selector: 'node[kind = "resource"]',
      style: { width: 48, height: 34, 'border-color': EDGE_COLOR.canAccess, 'border-width': 2.4 },
    },
    {
      selector: 'node[?admin]',
      style: { 'border-width': 3, 'border-color': '#000000', 'border-style': 'double' },
    },
    // Compound nodes: OUs, accounts, and the "outside the organization" area.
    {
      selector: ':parent',
      style: {
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-weight': 'bold',
        'font-size': 12,
        padding: '14px',
        'background-opacity': 1,
        'text-background-opacity': 0,
        shape: 'round-rectangle',
      },
    },
    {
      selector: 'node[compound = "ou"]',
      style: {
        'background-color': '#F4F6F8',
        'border-color': '#9AA5B1',
        'border-width': 1,
        color: '#52606D',
      },
    },
    {
      selector: 'node[compound = "outside"]',
      style: {
        'background-color': '#FFFFFF',
        'border-color': '#7B8794',
        'border-style': 'dashed',
        'border-width': 1.5,
        color: '#52606D',
      },
    },
    {
      selector: 'node[compound = "providers"]',
      style: {
        'background-color': '#FFFFFF',
        'border-color': '#7B8794',
        'border-width': 1.5,
        color: '#52606D',
      },
    },
    {
      selector: 'node[compound = "account"]',
      style: { 'background-opacity': 0.35, 'border-width': 2, 'border-color': '#52606D' },
    },
    {
      selector: 'node[kind = "account"][!compound]',
      style: {
        width: 150,
        height: 48,
        'text-valign': 'center',
        'text-margin-y': 0,
        'font-size': 12.5,
        'font-weight': 'bold',
        'text-background-opacity': 0,
        'border-width': 2,
      },
    },
    { selector: 'node[?openable]', style: { 'border-color': '#1F2933' } },
    {
      selector: 'node[kind = "external"][accountOnly]',
      style: {
        width: 120,
        height: 40,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-background-opacity': 0,
      },
    },
    // Start and target of a question: a heavy ring and a label prefix the SVG/PNG keep.
    {
      selector: 'node[mark = "start"]',
      style: { 'border-width': 5, 'border-color': '#0072B2', 'font-weight': 'bold' },
    },
    {
      selector: 'node[mark = "target"]',
      style: {
        'border-width': 6,
        'border-color': '#000000',
        'border-style': 'double',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.8,
        'line-color': EDGE_COLOR.canAssume,
        'target-arrow-color': EDGE_COLOR.canAssume,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 9,
        color: INK,
        'text-background-color': '#FFF8D6',
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'text-border-color': '#7B6A12',
        'text-border-width': 0.8,
        'text-border-opacity': 1,
        'min-zoomed-font-size': 4,
      },
    },
    { selector: 'edge[badge != ""]', style: { label: 'data(badge)', 'text-rotation': 'none' } },
    { selector: 'edge[?conditional]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    {
      selector: 'edge[kind = "canEscalateTo"]',
      style: {
        'line-color': EDGE_COLOR.canEscalateTo,
        'target-arrow-color': EDGE_COLOR.canEscalateTo,
        'target-arrow-shape': 'chevron',
        width: 3,
      },
    },
    {
      selector: 'edge[kind = "canAccess"]',
      style: {
        'line-color': EDGE_COLOR.canAccess,
        'target-arrow-color': EDGE_COLOR.canAccess,
        'target-arrow-shape': 'triangle-tee',
        width: 2.6,
      },
    },
    {
      selector:
        'edge[kind = "canSignIn"], edge[kind = "assigned"], edge[kind = "provisions"], edge[kind = "memberOf"]',
      style: {
        'line-color': EDGE_COLOR.canSignIn,
        'target-arrow-color': EDGE_COLOR.canSignIn,
        'target-arrow-shape': 'triangle-backcurve',
        width: 2.4,
        'text-background-color': '#FFFFFF',
        'text-border-color': EDGE_COLOR.canSignIn,
      },
    },
    {
      selector: 'edge[kind = "assigned"], edge[kind = "provisions"]',
      style: { 'line-color': EDGE_COLOR.assigned, 'target-arrow-color': EDGE_COLOR.assigned, width: 1.6 },
    },
    {
      selector: 'edge[kind = "memberOf"]',
      style: { 'line-color': EDGE_COLOR.memberOf, 'target-arrow-color': EDGE_COLOR.memberOf, width: 1.2 },
    },
    {
      selector: 'node[kind = "person"], node[kind = "peopleGroup"], node[kind = "permissionSet"]',
      style: { 'border-color': EDGE_COLOR.canSignIn, 'border-width': 2.2, width: 38, height: 34 },
    },
    {
      selector: 'edge[kind = "trustSummary"]',
      style: {
        width: 'mapData(count, 1, 10, 1.5, 9)',
        'arrow-scale': 0.9,
        'line-color': SEVERITY_COLOR.none,
        'target-arrow-color': SEVERITY_COLOR.none,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [40],
        'control-point-weights': [0.5],
        label: 'data(summaryLabel)',
        'font-size': 10,
        'text-opacity': 0,
        'text-background-color': '#FFFFFF',
        'text-border-color': '#9AA5B1',
      },
    },
    ...SEVERITIES.map((s) => ({
      selector: `edge[severity = "${s}"]`,
      style: { 'line-color': SEVERITY_COLOR[s], 'target-arrow-color': SEVERITY_COLOR[s] },
    })),
    {
      selector: 'edge[diff = "added"]',
      style: { 'line-color': DIFF_COLOR.added, 'target-arrow-color': DIFF_COLOR.added, width: 3.5 },
    },
    {
      selector: 'edge[diff = "removed"]',
      style: {
        'line-color': DIFF_COLOR.removed,
        'target-arrow-color': DIFF_COLOR.removed,
        width: 3.5,
        'line-style': 'dotted',
        'line-dash-pattern': [2, 4],
      },
    },
    {
      selector: 'node[diff = "added"]',
      style: { 'border-color': DIFF_COLOR.added, 'border-width': 4, 'border-style': 'solid' },
    },
    {
      selector: 'node[diff = "removed"]',
      style: {
        'border-color': DIFF_COLOR.removed,
        'border-width': 4,
        'border-style': 'dotted',
        opacity: 0.75,
      },
    },
    // Interaction states.
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.18, 'overlay-padding': 6 },
    },
    {
      selector: 'edge:selected',
      style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.2, 'overlay-padding': 5, width: 4 },
    },
    { selector: '.faded', style: { opacity: 0.18, 'text-opacity': 0.1 } },
    // Overview edge labels only for the account under the pointer or selected: 20 labels at once are noise.
    {
      selector: 'edge[kind = "trustSummary"].near, edge[kind = "trustSummary"]:selected',
      style: { 'text-opacity': 1, 'z-index': 10 },
    },
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: 'node.focus',
      style: { 'underlay-color': '#0072B2', 'underlay-opacity': 0.25, 'underlay-padding': 8 },
    },
  ];
}
