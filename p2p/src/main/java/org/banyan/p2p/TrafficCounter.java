package org.banyan.p2p;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts the bytes that cross the socket, TLS records included; it sits next to the socket in every pipeline. */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {

    private final Counters counters;

    TrafficCounter(final Counters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(final ChannelHandlerContext context, final Object message) {
        if (message instanceof ByteBuf) {
            counters.bytesIn.add(((ByteBuf) message).readableBytes());
        }
        context.fireChannelRead(message);
    }

    @Override
    public void write(final ChannelHandlerContext context, final Object message, final ChannelPromise promise) {
        if (message instanceof ByteBuf) {
            counters.bytesOut.add(((ByteBuf) message).readableBytes());
        }
        context.write(message, promise);
    }
}
