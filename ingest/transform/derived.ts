/**
 * The engine's derived graph (CAN_ASSUME, findings, ...) as loader row sets.
 * Pure: the model in, rows out.
 */
import type { SnapshotModel } from '../../engine/model.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';

export function deriveForLoad(
  _model: SnapshotModel,
  _onStage?: (line: string) => void,
): { extraNodes: ExtraNodeSet[]; extraRels: ExtraRelSet[] } {
  return { extraNodes: [], extraRels: [] };
}
