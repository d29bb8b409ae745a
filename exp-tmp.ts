import { uniquePayments, chargeFromLine } from './src/app/remit/analyze-remittances.js';
import { remitSettings } from './src/app/remit/remit-settings.js';
import { forEachRemitRow, claimId } from './src/app/remit/classify-remittance.js';
const mode = process.argv[3];
const settings = await remitSettings({});
const chargeFor = chargeFromLine(settings);
const cpu = process.cpuUsage();
let n = 0, t = 0;
const coordination = new Map();
for await (const { file, remittance } of uniquePayments([process.argv[2]!], [], [])) {
  const payment = t++;
  if (mode === 'read') { n += remittance.claims.length; continue; }
  forEachRemitRow(file, remittance, settings, chargeFor, (_, j) => ({ otherCoverage: false, reversal: null, claimId: claimId(payment, j), coordination }), () => n++);
}
const u = process.cpuUsage(cpu);
console.log(mode, n, (u.user + u.system) / 1e6);
