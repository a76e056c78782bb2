// The bare app for the bench's baseline: Next's defaults, as the real app's production build.
/** @type {import('next').NextConfig} */
const nextConfig = {};
export default nextConfig;
