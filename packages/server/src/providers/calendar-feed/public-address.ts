// The address classification moved to services/net (webhook endpoints are checked with it too, and
// services may not import providers); the feed code keeps importing it from here.
export { isIpLiteral, isPublicAddress } from '../../services/net/public-address.js';
