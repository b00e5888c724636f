// An independent reader: the JavaScript datapackage library loads the descriptor, checks it
// against its profile and reads every table (casting each value to its field's type).
const {Package} = require('datapackage')
;(async () => {
  const dp = await Package.load(process.argv[2])
  if (!dp.valid) { console.log(JSON.stringify({valid: false, errors: dp.errors.map(e => e.message)})); process.exit(1) }
  const rows = {}
  for (const r of dp.resources) { rows[r.name] = (await r.read({cast: true})).length }
  console.log(JSON.stringify({valid: true, rows}))
})().catch(e => { console.log(JSON.stringify({valid: false, errors: [String(e.message || e)], rowNumber: e.rowNumber || null})); process.exit(1) })
