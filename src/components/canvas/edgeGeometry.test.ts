import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT } from '../../theme/sizes.ts';
import { edgeGeometry, wraps } from './edgeGeometry.ts';

const side = { sourcePosition: Position.Right, targetPosition: Position.Left };

describe('edge geometry', () => {
  it('draws an edge to a later column as a curve with its label at the middle', () => {
    const ends = { ...side, sourceX: 240, sourceY: 54, targetX: 336, targetY: 54 };
    expect(wraps(ends)).toBe(false);
    const [path, x, y] = edgeGeometry(ends);
    expect(path).toContain('C');
    expect([x, y]).toEqual([288, 54]);
  });

  it('draws an edge back to an earlier column on another row square, its label on the run between the rows', () => {
    // order-workflow.json: OrdersApi (x 336, row 1) to OrderWorkflow (x 0, row 2).
    const ends = { ...side, sourceX: 576, sourceY: 134, targetX: 0, targetY: 314 };
    expect(wraps(ends)).toBe(true);
    const [path, x, y] = edgeGeometry(ends);
    expect(path).not.toContain('C');
    expect(x).toBeCloseTo(288);
    expect(y).toBeCloseTo(224); // between row 1's bottom (188) and row 2's top (260)
  });

  it('keeps the curve for an edge back along the same row (there is no gap between rows to run along)', () => {
    expect(wraps({ ...side, sourceX: 576, sourceY: 134, targetX: 0, targetY: 134 + NODE_HEIGHT - 1 })).toBe(false);
  });
});
