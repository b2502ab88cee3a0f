// Formatting shared by hosts.
export { formatTime } from '../kernel/printk.ts';
