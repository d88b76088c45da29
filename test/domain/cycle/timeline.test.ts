import { describeTimelineEntry } from '../../../domain/cycle/timeline';

describe('describeTimelineEntry', () => {
  it('names the phases of a phase change in the reader language', () => {
    expect(describeTimelineEntry('phaseChanged', { from: 'needsProposal', to: 'agreement' }, 'vi')).toBe(
      'phaseChanged: Đề xuất nhu cầu → Ký kết',
    );
    expect(describeTimelineEntry('phaseChanged', { from: 'needsProposal', to: 'agreement' }, 'en')).toBe(
      'phaseChanged: needs proposal → agreement',
    );
  });

  it('names the obligation and the side of a submission', () => {
    expect(describeTimelineEntry('submitted:O2', { side: 'recipient' }, 'vi')).toBe(
      'submitted O2 đề xuất nhu cầu (recipient)',
    );
    expect(describeTimelineEntry('opened', { year: 2026 }, 'en')).toBe('opened');
  });
});
