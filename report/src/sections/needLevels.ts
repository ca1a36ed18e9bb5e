/**
 * Need levels (needs --signals): where the contacts stand among the six need levels, by the
 * library's default rules, with the labels in the report's language.
 */
import { assignNeedLevels, stageDistribution, type NeedSignals } from 'customer-metrics/stages';
import { needLevelDistributionChart } from 'customer-metrics/charts';
import type { SignalRow } from '../inputs.js';
import { chartFigure, paragraph, table, type Section, type VegaLiteSpec } from '../model.js';
import type { SectionContext } from './context.js';

export function needLevelSection(ctx: SectionContext, signals: readonly SignalRow[]): Section {
  const { f, t } = ctx;
  const title = t('Need levels', 'Sáu cấp độ nhu cầu');
  const assigned = assignNeedLevels(signals as readonly NeedSignals[]);
  const levels = assigned.levels.filter((level) => level >= 1 && level <= 6);
  const distribution = stageDistribution(levels, { locale: ctx.locale });
  const blocks: Section['blocks'] = [
    paragraph(
      t(
        `${f.num(signals.length)} contacts placed by the default rules from the signals ${ctx.inputs.signalNames.join(', ')}` +
          (assigned.unassigned > 0 ? `; ${f.num(assigned.unassigned)} matched no rule and are not counted.` : '.'),
        `${f.num(signals.length)} liên hệ được xếp cấp theo bộ quy tắc mặc định từ các tín hiệu ${ctx.inputs.signalNames.join(', ')}` +
          (assigned.unassigned > 0 ? `; ${f.num(assigned.unassigned)} liên hệ không khớp quy tắc nào và không được tính.` : '.'),
      ),
    ),
  ];
  blocks.push(chartFigure('need-levels', (o) => needLevelDistributionChart(distribution, { locale: ctx.locale, ...o }) as unknown as VegaLiteSpec));
  blocks.push(
    table(
      t('Need levels', 'Cấp độ nhu cầu'),
      [t('level', 'cấp'), t('name', 'tên'), t('contacts', 'liên hệ'), t('share', 'tỉ lệ')],
      distribution.levels.map((row) => [String(row.level), row.label, f.num(row.count), f.pct(row.share)]),
      [true, false, true, true],
    ),
  );
  return {
    id: 'needLevels',
    title,
    blocks,
    data: { contacts: signals.length, unassigned: assigned.unassigned, levels: distribution.levels.map((row) => ({ level: row.level, key: row.key, label: row.label, count: row.count, share: row.share })) },
  };
}
